/**
 * Runs the demo portal on its own:
 *   node --import tsx demo/serve.ts [--http] [--port N]
 * Prints the port, the Chromium flags that map the portal host names to it, and the
 * address of every demo page. Test pages in tests/e2e/pages/ are served under /e2e/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PAGES, BENCH_PATH } from './routes';
import { hostResolverRules, PORTAL_HOSTS, startPortalServer } from './server';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number.parseInt(args[portArg + 1] ?? '', 10) : 0;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'); // tests/

const server = await startPortalServer({
  https: !args.includes('--http'),
  port: Number.isFinite(port) ? port : 0,
  extraRoots: [{ prefix: '/e2e/', dir: path.join(root, 'e2e/pages') }],
});

const out: string[] = [];
out.push(`Cổng mẫu đang chạy trên 127.0.0.1:${server.port}`);
out.push('');
out.push('Chạy Chromium với:');
out.push(`  --host-resolver-rules="${hostResolverRules(server.port)}" --ignore-certificate-errors`);
out.push('');
out.push('Các trang:');
for (const p of DEMO_PAGES) {
  out.push(`  ${server.origin(p.host)}${p.path}`);
  out.push(`      ${p.title} — ${p.expectedRecords} bản ghi (${p.interaction})`);
}
out.push(`  ${server.origin(PORTAL_HOSTS[0]!)}${BENCH_PATH}?rows=5000`);
out.push('      Bảng lớn sinh tại máy chủ để đo tải (rows ≤ 20000)');
out.push(`  ${server.origin(PORTAL_HOSTS[0]!)}/e2e/hostile.html  (và các trang khác trong tests/e2e/pages/)`);
out.push('');
out.push(`Mọi đường dẫn trả lời trên mọi tên miền: ${PORTAL_HOSTS.join(', ')}`);
out.push('Ctrl+C để dừng.');
process.stdout.write(`${out.join('\n')}\n`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
