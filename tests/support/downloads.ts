/**
 * Files the popup saves (an `<a download>` of a Blob in the page) arrive as
 * Playwright `download` events: press the button by its accessible name, read the bytes.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  /** The bytes as UTF-8 text, BOM kept (so tests can see it). */
  text(): string;
}

export async function downloadByButton(page: Page, buttonName: string, timeoutMs = 60_000): Promise<DownloadedFile> {
  const button = page.getByRole('button', { name: buttonName, exact: true });
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }), button.click()]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download of "${buttonName}" failed: ${failure}`);
  const path = await dl.path();
  const bytes = await readFile(path);
  return { name: dl.suggestedFilename(), bytes, text: () => bytes.toString('utf8') };
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** True when every line break is CRLF (no bare LF or CR anywhere outside CRLF pairs). */
export function onlyCrlf(text: string): boolean {
  return !/\r(?!\n)|(?<!\r)\n/u.test(text);
}
