/**
 * The message protocol, one zod schema per message, named by direction. Every
 * message is parsed at the receiving edge; anything else is dropped.
 */
import { z } from 'zod';
import './zod-config';
import { unreadMessageSchema } from './unread';

/** Largest batch a content script may send; bigger pages go in several batches. */
export const MAX_BATCH = 500;

/** content → background: a batch of records read from the sender's page. */
export const captureBatchSchema = z
  .object({
    type: z.literal('capture/batch'),
    batchId: z.string().min(1).max(100),
    // Cut to MAX_SOURCE_URL by the content script and again by the worker; a longer one is
    // still accepted (and cut) so one odd address never makes a page's batches invalid.
    pageUrl: z.string().min(1).max(100_000),
    // Rows rejected by the content script's own validation, by reason (for the popup's counters):
    // this page's totals so far when `pageId` is given (counted once however often re-sent).
    rejected: z.record(z.string().max(100), z.number().int().min(0)).optional(),
    /** One id per page reading (random, per content-script start). */
    pageId: z.string().min(1).max(100).optional(),
    records: z.array(z.unknown()).max(MAX_BATCH),
    /** When each record was read on the page (epoch ms, same order as records). */
    readAt: z.array(z.number().int().min(0)).max(MAX_BATCH).optional(),
    /** Distinct records this page has given so far (for the toolbar badge). */
    pageTotal: z.number().int().min(0).max(10_000_000),
  })
  .strict();
export type CaptureBatch = z.infer<typeof captureBatchSchema>;

/** background → content: the ack, sent only after the write committed. */
export const captureAckSchema = z.object({
  ok: z.literal(true),
  batchId: z.string(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type CaptureAck = z.infer<typeof captureAckSchema>;

export const captureErrorSchema = z.object({
  ok: z.literal(false),
  batchId: z.string().optional(),
  error: z.string(),
});
export type CaptureError = z.infer<typeof captureErrorSchema>;

/** content → background: the page has no record table (clears the badge). */
export const pageIdleSchema = z.object({ type: z.literal('capture/idle') }).strict();

/** content → background: this frame may hold records; load the reader into it. */
export const loadReaderSchema = z.object({ type: z.literal('capture/load') }).strict();

/** popup → background: store what closed tabs left in the durable outbox now. */
export const outboxDrainSchema = z.object({ type: z.literal('outbox/drain') }).strict();

export const contentToBackgroundSchema = z.discriminatedUnion('type', [captureBatchSchema, pageIdleSchema, unreadMessageSchema, loadReaderSchema]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;


/**
 * content → background: what this frame shows now, for the popup's "Trang đang mở" and the
 * per-list coverage: the list it belongs to, the portal's stated total, and hashes of the
 * record keys read from it since the last acknowledged report.
 */
export const pageStateSchema = z
  .object({
    type: z.literal('page/state'),
    title: z.string().max(300),
    records: z.number().int().min(0).max(10_000_000),
    list: z
      .object({
        id: z.string().min(1).max(2000),
        label: z.string().max(500),
        total: z.number().int().min(0).max(100_000_000).nullable(),
        page: z.string().max(40).nullable(),
      })
      .strict()
      .nullable(),
    keys: z.array(z.string().min(1).max(16)).max(50_000),
    /** This document's own id (browsers without sender.documentId tell documents apart by it). */
    doc: z.string().min(1).max(64).optional(),
  })
  .strict();
export type PageState = z.infer<typeof pageStateSchema>;

/** Why a walk ended (the popup words each one). */
export const walkEndReasons = ['done', 'stopped', 'no-pager', 'nothing-new', 'limit', 'navigated', 'error'] as const;
export type WalkEndReason = (typeof walkEndReasons)[number];

/** walker (content) → background: a page read, a page turn about to happen, or the end. */
export const walkReportSchema = z.discriminatedUnion('event', [
  z
    .object({
      type: z.literal('walk/report'),
      event: z.literal('page'),
      page: z.number().int().min(1).max(100_000),
      listId: z.string().min(1).max(2000),
      total: z.number().int().min(0).max(100_000_000).nullable(),
      keys: z.array(z.string().min(1).max(16)).max(50_000),
      doc: z.string().min(1).max(64).optional(),
    })
    .strict(),
  z.object({ type: z.literal('walk/report'), event: z.literal('turn'), page: z.number().int().min(1).max(100_000) }).strict(),
  z
    .object({ type: z.literal('walk/report'), event: z.literal('end'), reason: z.enum(walkEndReasons), error: z.string().max(300).optional() })
    .strict(),
]);
export type WalkReport = z.infer<typeof walkReportSchema>;

/** walker (content) → background: press the element marked with this token in the page's own world. */
export const walkClickSchema = z.object({ type: z.literal('walk/click'), token: z.string().uuid() }).strict();

/** walker (content) → background: a new walker copy asks whether a walk goes on in its frame. */
export const walkResumeSchema = z.object({ type: z.literal('walk/resume'), doc: z.string().min(1).max(64).optional() }).strict();

/** background → walker: the answer to a report (go on or not) and to resume. */
export const walkReplySchema = z.object({
  go: z.boolean(),
  page: z.number().int().optional(),
  noNew: z.number().int().optional(),
  records: z.number().int().optional(),
  fresh: z.boolean().optional(),
  delayMs: z.number().int().optional(),
  pageLimit: z.number().int().optional(),
  largestPageSize: z.boolean().optional(),
});
export type WalkReply = z.infer<typeof walkReplySchema>;

/** popup → background: start or stop the walk of a tab's list. */
export const walkCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('walk/start'), tabId: z.number().int().min(0), frameId: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal('walk/stop'), tabId: z.number().int().min(0) }).strict(),
]);
export type WalkCommand = z.infer<typeof walkCommandSchema>;

/** background → walker: stop now (the user pressed "Dừng" in the popup). */
export const walkHaltSchema = z.object({ type: z.literal('walk/halt') }).strict();
