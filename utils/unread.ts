/**
 * "Trang này có bảng nhưng chưa đọc được": what a page reports when it shows a table
 * with Vietnamese headers that the rules could not read, or whose rows were all
 * refused. One zod contract shared by the content script, the worker (which keeps it per
 * tab in storage.session under its own key) and the popup (which shows it and offers the
 * column mapping). Header texts only: never a cell of the table.
 */
import { z } from 'zod';
import './zod-config';
import { MAPPABLE_FIELDS } from './settings';

export const UNREAD_REASONS = ['no-key', 'one-field', 'rows-rejected'] as const;
export type UnreadReason = (typeof UNREAD_REASONS)[number];

export const unreadNoticeSchema = z
  .object({
    reason: z.enum(UNREAD_REASONS),
    /** Leaf header texts as shown, left to right. */
    headers: z.array(z.string().max(200)).min(1).max(60),
    /** Per header: personal data (cannot be mapped). */
    personal: z.array(z.boolean()).max(60),
    /** Per header: what the rules read it as now (to prefill the mapping form). */
    suggested: z.array(z.enum(MAPPABLE_FIELDS)).max(60),
    signature: z.string().regex(/^[0-9a-f]{8}-\d{1,2}$/u),
    /** Body rows of the table when it was looked at. */
    rows: z.number().int().min(0).max(10_000_000),
  })
  .strict();
export type UnreadNotice = z.infer<typeof unreadNoticeSchema>;

/** content → background: this frame's notice, or null once the page is read (or has no such table). */
export const unreadMessageSchema = z.object({ type: z.literal('capture/unread'), notice: /* @__PURE__ */ unreadNoticeSchema.nullable() }).strict();
export type UnreadMessage = z.infer<typeof unreadMessageSchema>;

/** storage.session key of the notices: { [tabId]: { [frameId]: { notice, url, at } } }. */
export const UNREAD_SESSION_KEY = 'unreadNotices';

export const storedUnreadSchema = z.record(
  z.string(),
  z.record(z.string(), z.object({ notice: unreadNoticeSchema, url: z.string().max(4000), frameId: z.number().int(), at: z.number() })),
);
export type StoredUnread = z.infer<typeof storedUnreadSchema>;

/** popup → content: a sanitised sample of the page's tables ("Lưu mẫu trang"). */
export const sampleRequestSchema = z.object({ type: z.literal('page/sample') }).strict();
export const sampleReplySchema = z.object({ ok: z.literal(true), html: z.string().max(5_000_000), tables: z.number().int() }).strict();
export type SampleReply = z.infer<typeof sampleReplySchema>;
