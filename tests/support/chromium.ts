/** Where the system Chromium is: CHROME_PATH, else Debian's /usr/bin/chromium, else PATH. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const NO_CHROMIUM =
  'Không tìm thấy Chromium. Cài gói Debian "chromium" (apt-get install -y chromium) hoặc đặt biến CHROME_PATH trỏ tới trình duyệt Chromium/Chrome.\n' +
  'Chromium not found: install the Debian package "chromium" (apt-get install -y chromium) or set CHROME_PATH.';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return found || null;
  } catch {
    return null;
  }
}
