/**
 * The extension API as the browser gives it, for the content script build (wxt.config.ts
 * aliases `wxt/browser` here for content scripts only): Firefox's and Chromium's own
 * `browser`, else Chromium's `chrome`, whose MV3 calls return promises. Types stay WXT's.
 */
import type { browser as Browser } from 'wxt/browser';

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
export const browser: typeof Browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof Browser;
