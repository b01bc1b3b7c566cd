/**
 * Handles one capture batch: check the sender, parse the message, validate each
 * record, upsert the batch in one transaction, reply only after it committed.
 * Browser APIs come in through `deps` so the handler is testable.
 */
import { captureBatchSchema, contentToBackgroundSchema, type CaptureAck, type CaptureError } from '../messages';
import { guardRecord, sanitizeSourceUrl } from '../privacy/guard';
import { recordSchema, type PortalRecord } from '../records';
import { urlMatchesAny } from '../portals';
import { storageErrorMessage } from '../storage-error';
import type { BatchSource, UpsertCounts } from '../store/upsert';
import type { UnreadNotice } from '../unread';
import type { DepartmentIndex } from '../vocab/departments';

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
  /** One transaction: the records and the rejected counters together. */
  upsert(records: PortalRecord[], source: BatchSource): Promise<UpsertCounts>;
  /** Departments of the settings, for the privacy guard. */
  departments(): Promise<DepartmentIndex>;
  /** Records read by one frame of a tab (portals sometimes list rows inside an iframe). */
  setBadge(tabId: number, frameId: number, documentId: string | undefined, count: number): Promise<void>;
  /** Load the reader (the extraction content script) into one frame of a tab, once the store's identity is published for it. */
  loadReader(tabId: number, frameId: number): Promise<void>;
  reportError(message: string): Promise<void>;
  /** A frame's "có bảng nhưng chưa đọc được" notice (null clears it). */
  setUnread?(tabId: number, frameId: number, url: string, notice: UnreadNotice | null): Promise<void>;
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
  if (msg.type === 'capture/unread') {
    await deps.setUnread?.(sender.tabId, sender.frameId ?? 0, sender.url, msg.notice);
    // A notice means this document gave nothing: a count left from the tab's previous page goes.
    if (msg.notice) await deps.setBadge(sender.tabId, sender.frameId ?? 0, sender.documentId, 0);
    return undefined;
  }
  if (msg.type === 'capture/idle') {
    await deps.setBadge(sender.tabId, sender.frameId ?? 0, sender.documentId, 0);
    return undefined;
  }

  try {
    const { counts, rejected } = await storeRecords(msg.records, { url: msg.pageUrl, readAt: msg.readAt, pageId: msg.pageId, rejected: msg.rejected }, deps);
    await deps.clearError();
    await deps.setBadge(sender.tabId, sender.frameId ?? 0, sender.documentId, msg.pageTotal);
    return { ok: true, batchId: msg.batchId, ...counts, rejected };
  } catch (error) {
    const text = storageErrorMessage(error);
    await deps.reportError(text).catch(() => undefined);
    return { ok: false, batchId: msg.batchId, error: text };
  }
}

/**
 * Check, guard and store rows a page read (a live batch or what a closed tab left in the
 * durable outbox): each record is validated again and passed through the privacy guard,
 * the address is sanitised and cut, read times are kept. Throws when the store fails.
 */
export async function storeRecords(
  items: readonly unknown[],
  from: { url: string; readAt?: readonly number[]; pageId?: string; rejected?: Record<string, number> },
  deps: Pick<CaptureDeps, 'upsert' | 'departments' | 'now'>,
): Promise<{ counts: UpsertCounts; rejected: number }> {
  const idx = await deps.departments();
  const valid: PortalRecord[] = [];
  const readAt: number[] = [];
  let invalid = 0;
  items.forEach((item, i) => {
    const r = recordSchema.safeParse(item);
    if (!r.success) {
      invalid++;
      return;
    }
    valid.push(guardRecord(r.data, idx));
    readAt.push(from.readAt?.[i] ?? deps.now());
  });
  // The page's own refusals are its running totals; rows refused here are this batch's alone.
  const pageRejected = from.rejected && Object.keys(from.rejected).length > 0 ? from.rejected : undefined;
  const refused = invalid > 0 ? { invalid } : undefined;
  const source: BatchSource = {
    url: sanitizeSourceUrl(from.url),
    at: deps.now(),
    readAt,
    readBy: from.pageId,
    departments: new Set([...idx.exact.values()]),
    ...(pageRejected ? { rejected: pageRejected, pageId: from.pageId } : {}),
    ...(refused ? { refused } : {}),
  };
  const counts = valid.length > 0 || pageRejected || refused ? await deps.upsert(valid, source) : { inserted: 0, updated: 0, unchanged: 0 };
  return { counts, rejected: invalid };
}
