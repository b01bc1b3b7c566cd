/** The row memos in extension storage (see row-memo.ts): removed on "Xóa dữ liệu" and when a new browser session starts. */
import { browser } from 'wxt/browser';
import { keysWithPrefix, type KeyValueStore } from './outbox';
import { MEMO_PREFIX } from './row-memo';

export async function purgeRowMemos(): Promise<void> {
  const keys = await keysWithPrefix(browser.storage.local as unknown as KeyValueStore, MEMO_PREFIX);
  if (keys.length > 0) await browser.storage.local.remove(keys);
}
