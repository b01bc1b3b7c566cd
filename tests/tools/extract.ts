/**
 * npm run extract -- FILE.html [--url URL]
 * Prints the records of a saved page in the fixtures' record format; rejected rows by
 * reason go to stderr. Exit code 2 when the page cannot be read.
 */
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { extractPage } from '../../utils/extract/index';
import { toOutput } from '../../utils/records';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { loadPage } from './lib/load-page';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--url') {
      url = args[++i];
      if (!url) fail('Thiếu địa chỉ sau --url. Cách dùng: npm run extract -- TỆP.html [--url ĐỊA_CHỈ]');
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (!file) file = a;
    else fail(`Tham số thừa: ${a}. Cách dùng: npm run extract -- TỆP.html [--url ĐỊA_CHỈ]`);
  }
  if (!file) fail('Thiếu tệp HTML. Cách dùng: npm run extract -- TỆP.html [--url ĐỊA_CHỈ]');
  const path = resolve(file);
  try {
    await access(path);
  } catch {
    fail(`Không tìm thấy tệp: ${file}`);
  }
  try {
    new URL(url ?? 'http://x');
  } catch {
    fail(`Địa chỉ không hợp lệ: ${url}`);
  }
  let page: Awaited<ReturnType<typeof loadPage>>;
  try {
    page = await loadPage(path, url ?? pathToFileURL(path).href);
  } catch (e) {
    fail(`Không đọc được tệp ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { records, rejected } = extractPage(page.document, { url: url ?? '', settings: DEFAULT_SETTINGS });
  process.stdout.write(`${JSON.stringify(records.map(toOutput), null, 2)}\n`);
  const counts = Object.entries(rejected);
  if (counts.length) {
    process.stderr.write(`Dòng bị bỏ qua: ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  await page.close();
}

main().catch((e: unknown) => fail(`Lỗi khi trích xuất: ${e instanceof Error ? e.message : String(e)}`));
