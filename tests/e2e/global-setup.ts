/** Builds the production extension once before the end-to-end files run (skipped when `npm test` just built it). */
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM } from '../support/chromium';

export default function setup(): void {
  if (!findChromium()) throw new Error(NO_CHROMIUM);
  if (process.env.KIEM_DEM_PREBUILT === '1') return;
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}
