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
    pageUrl: z.string().url().max(4000),
    // Rows rejected by the content script's own validation, by reason (for the popup's counters).
    rejected: z.record(z.string().max(100), z.number().int().min(0)).optional(),
    records: z.array(z.unknown()).max(MAX_BATCH),
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

export const contentToBackgroundSchema = z.discriminatedUnion('type', [captureBatchSchema, pageIdleSchema, loadReaderSchema]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;

