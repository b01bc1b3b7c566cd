/** The row memos in extension storage (see row-memo.ts): removed on "Xóa dữ liệu" and when a new browser session starts. */
import { browser } from 'wxt/browser';
import { MEMO_PREFIX } from './row-memo';

export async function purgeRowMemos(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(MEMO_PREFIX));
  if (keys.length > 0) await browser.storage.local.remove(keys);
}
