/**
 * Routes the coverage and page-walk messages (page/state, walk/*) to utils/background/walks,
 * after checking who sent them: content scripts on portal pages in a tab, or the
 * extension's own pages (popup) for start/stop. Returns undefined for other messages.
 * `capture/idle` is seen here too (the frame leaves the open-tabs list) and passed on.
 */
import { pageStateSchema, walkClickSchema, walkCommandSchema, walkReportSchema, walkResumeSchema, type WalkReply } from '../messages';
import { urlMatchesAny } from '../portals';
import type { Walks } from './walks';

interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  allowedPatterns(): Promise<string[]>;
  walks: Walks;
}

const WALK_TYPES = new Set(['page/state', 'walk/report', 'walk/resume', 'walk/start', 'walk/stop', 'walk/click']);

export function routeWalkMessage(message: unknown, sender: SenderLike, deps: RouterDeps): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'capture/idle') {
    void handleIdle(sender, deps);
    return undefined; // the capture handler clears the badge
  }
  if (typeof type !== 'string' || !WALK_TYPES.has(type) || sender.id !== deps.extensionId) return undefined;
  return handle(message, type, sender, deps).catch(() => ({ ok: false, go: false }));
}

async function fromPortal(sender: SenderLike, deps: RouterDeps, message?: unknown) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url || !urlMatchesAny(sender.url, await deps.allowedPatterns())) return null;
  // The browser's document id when it gives one (Chrome), else the id the document's content script made.
  const doc = (message as { doc?: unknown } | undefined)?.doc;
  const documentId = sender.documentId ?? (typeof doc === 'string' && doc.length <= 64 ? doc : undefined);
  return { tabId, frameId: sender.frameId ?? 0, documentId, url: sender.url };
}

async function handleIdle(sender: SenderLike, deps: RouterDeps): Promise<void> {
  const s = await fromPortal(sender, deps);
  if (s) await deps.walks.idle(s);
}

async function handle(message: unknown, type: string, sender: SenderLike, deps: RouterDeps): Promise<unknown> {
  if (type === 'walk/start' || type === 'walk/stop') {
    // Only the extension's own pages (the popup, in the toolbar or as a tab) command walks.
    if (!sender.url?.startsWith(deps.extensionOrigin)) return { ok: false };
    const cmd = walkCommandSchema.safeParse(message);
    if (!cmd.success) return { ok: false, error: 'invalid message' };
    return cmd.data.type === 'walk/start' ? deps.walks.start(cmd.data.tabId, cmd.data.frameId) : deps.walks.stop(cmd.data.tabId);
  }
  const s = await fromPortal(sender, deps, message);
  if (!s) return { ok: false, go: false };
  if (type === 'page/state') {
    const msg = pageStateSchema.safeParse(message);
    return msg.success ? deps.walks.pageState(s, msg.data) : { ok: false };
  }
  if (type === 'walk/click') {
    const msg = walkClickSchema.safeParse(message);
    return msg.success ? deps.walks.clickInPage(s, msg.data.token) : ({ go: false } satisfies WalkReply);
  }
  if (type === 'walk/resume') {
    return walkResumeSchema.safeParse(message).success ? deps.walks.resume(s) : ({ go: false } satisfies WalkReply);
  }
  const msg = walkReportSchema.safeParse(message);
  return msg.success ? deps.walks.report(s, msg.data) : ({ go: false } satisfies WalkReply);
}
