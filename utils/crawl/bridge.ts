/**
 * What the page-walk script (injected only while a walk runs) uses of the portal content
 * script living in the same frame and world: the record table, a read-now that returns
 * once the rows are handed to the worker, the keys on screen and the list identity.
 */
import type { ListInfo } from './page-report';

export const BRIDGE_KEY = '__kiemDemTthcCapture';

export interface WalkBridge {
  /** This document's id (the content script makes one per document). */
  doc?: string;
  table(): Element | null;
  /** Scan now and send what was read (records and coverage). */
  readNow(): Promise<void>;
  /** Hashes of the record keys in the rows on screen. */
  pageKeys(): string[];
  list(): ListInfo | null;
  /** Records read but not yet acknowledged by the worker. */
  pending(): number;
}
