/**
 * Handles one capture batch: check the sender, parse the message, validate each
 * record, upsert the batch in one transaction, reply only after it committed.
 * Browser APIs come in through `deps` so the handler is testable.
 */
import { captureBatchSchema, contentToBackgroundSchema, type CaptureAck, type CaptureError } from '../messages';
import { recordSchema, type PortalRecord } from '../records';
import { urlMatchesAny } from '../portals';
import { storageErrorMessage } from '../storage-error';

export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
  documentId?: string;
}

export interface CaptureDeps {
  extensionId: string;
  /** Match patterns whose pages may write (defaults + portals the user added). */
  allowedPatterns(): Promise<string[]>;
  upsert(records: PortalRecord[], source: { url: string; at: number }): Promise<{ inserted: number; updated: number; unchanged: number }>;
  countRejected(reasons: Record<string, number>): Promise<void>;
  /** Records read by one frame of a tab (portals sometimes list rows inside an iframe). */
  setBadge(tabId: number, frameId: number, documentId: string | undefined, count: number): Promise<void>;
  /** Load the reader (the extraction content script) into one frame of a tab, once the store's identity is published for it. */
  loadReader(tabId: number, frameId: number): Promise<void>;
  reportError(message: string): Promise<void>;
  clearError(): Promise<void>;
  now(): number;
}

export type CaptureReply = CaptureAck | CaptureError;

export async function handleContentMessage(message: unknown, sender: SenderInfo, deps: CaptureDeps): Promise<CaptureReply | undefined> {
  // Only our own content scripts, on portal pages, in a tab.
  if (sender.id !== deps.extensionId || sender.tabId === undefined || !sender.url) return undefined;
  const allowed = await deps.allowedPatterns();
  if (!urlMatchesAny(sender.url, allowed)) return { ok: false, error: 'sender not allowed' };

  const parsed = contentToBackgroundSchema.safeParse(message);
  if (!parsed.success) {
    const batchId = captureBatchSchema.shape.batchId.safeParse((message as { batchId?: unknown })?.batchId);
    return { ok: false, batchId: batchId.success ? batchId.data : undefined, error: 'invalid message' };
  }
  const msg = parsed.data;
  if (msg.type === 'capture/load') {
    await deps.loadReader(sender.tabId, sender.frameId ?? 0).catch(() => undefined);
    return undefined;
  }
  if (msg.type === 'capture/idle') {
    await deps.setBadge(sender.tabId, sender.frameId ?? 0, sender.documentId, 0);
    return undefined;
  }

  const valid: PortalRecord[] = [];
  // Rows the page itself refused (sent as not-yet-counted deltas), plus any that fail here.
  const reasons: Record<string, number> = { ...(msg.rejected ?? {}) };
  for (const item of msg.records) {
    const r = recordSchema.safeParse(item);
    if (r.success) valid.push(r.data);
    else reasons.invalid = (reasons.invalid ?? 0) + 1;
  }
  try {
    const counts = valid.length > 0 ? await deps.upsert(valid, { url: msg.pageUrl, at: deps.now() }) : { inserted: 0, updated: 0, unchanged: 0 };
    const rejected = msg.records.length - valid.length;
    if (Object.keys(reasons).length > 0) await deps.countRejected(reasons);
    await deps.clearError();
    await deps.setBadge(sender.tabId, sender.frameId ?? 0, sender.documentId, msg.pageTotal);
    return { ok: true, batchId: msg.batchId, ...counts, rejected };
  } catch (error) {
    const text = storageErrorMessage(error);
    await deps.reportError(text).catch(() => undefined);
    return { ok: false, batchId: msg.batchId, error: text };
  }
}
