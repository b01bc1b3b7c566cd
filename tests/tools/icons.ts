/**
 * `npm run icons`: renders public/icon/icon.svg to the PNG sizes the manifest names
 * (16, 32, 48, 128) in the system Chromium, so the icons are reproducible from the
 * SVG source without an image toolchain.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM } from '../support/chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const dir = join(import.meta.dirname, '../../public/icon');

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const img = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${img}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((el: HTMLImageElement) => el.decode());
    writeFileSync(join(dir, `${size}.png`), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
