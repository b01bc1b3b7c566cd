/**
 * The message protocol, one zod schema per message, named by direction. Every
 * message is parsed at the receiving edge; anything else is dropped.
 */
import { z } from 'zod';
import './zod-config';

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

export const contentToBackgroundSchema = z.discriminatedUnion('type', [captureBatchSchema, pageIdleSchema, loadReaderSchema]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;

