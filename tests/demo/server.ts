/**
 * A local stand-in for the portals: serves demo/pages/ (and optional extra folders) on
 * 127.0.0.1 so that Chromium, started with `--host-resolver-rules` from
 * `hostResolverRules(port)` and `--ignore-certificate-errors`, reaches
 * https://motcua.langson.gov.vn/... and the other PORTAL_HOSTS at this server.
 *
 * Routing is by URL path only; the Host header is not looked at.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { benchRowCount, renderBenchPage } from './bench';

/**
 * A long list that arrives slowly (`?streamMs=N`): the page in pieces of 50 lines, N ms
 * apart, so the browser parses and shows it while the rest is still on its way; with
 * `streamChars=C`, pieces of C characters instead, cut anywhere (inside a row, a code).
 */
function streamInPieces(res: http.ServerResponse, html: string, pauseMs: number, chars: number): void {
  const pieces: string[] = [];
  if (chars > 0) for (let i = 0; i < html.length; i += chars) pieces.push(html.slice(i, i + chars));
  else {
    const lines = html.split('\n');
    for (let i = 0; i < lines.length; i += 50) pieces.push(`${lines.slice(i, i + 50).join('\n')}\n`);
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  let at = 0;
  const next = () => {
    if (res.destroyed) return;
    if (at >= pieces.length) {
      res.end();
      return;
    }
    res.write(pieces[at++]!);
    setTimeout(next, pauseMs);
  };
  next();
}

import { BENCH_PATH, routeFile } from './routes';
import { CRAWL_PREFIX, crawlActions, renderCrawlPage } from './crawl';

export interface PortalServer {
  port: number;
  /** `https://HOST` (or `http://HOST` when serving plain http); no port: the resolver rule maps it. */
  origin(host: string): string;
  close(): Promise<void>;
}

export interface PortalServerOptions {
  /** Serve https with a throw-away self-signed certificate (default true; falls back to http without openssl). */
  https?: boolean;
  /** Serve other folders too, e.g. `{ prefix: '/e2e/', dir: 'tests/e2e/pages' }`. */
  extraRoots?: { prefix: string; dir: string }[];
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

export const PORTAL_HOSTS: string[] = [
  'motcua.langson.gov.vn',
  'dichvucong.langson.gov.vn',
  'dichvucong.gov.vn',
  'congdichvu.example-tinh.gov.vn',
];

/** Chromium's `--host-resolver-rules` value sending every portal host to this server. */
export function hostResolverRules(port: number): string {
  return PORTAL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
}

export const PAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title>
<style>body{font-family:Arial,Helvetica,sans-serif;margin:40px;color:#333}a{color:#b71c1c}</style></head>
<body><h1>404 — Không tìm thấy trang</h1><p>Địa chỉ này không có trong cổng mẫu.</p>
<p><a href="/">Về trang chủ</a></p></body></html>
`;

const execFileP = promisify(execFile);

/** Generates a self-signed certificate with the openssl CLI; null when openssl is unusable. */
async function makeCertificate(dir: string): Promise<{ key: Buffer; cert: Buffer } | null> {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const base = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=motcua.langson.gov.vn', '-keyout', keyFile, '-out', certFile];
  const san = ['-addext', `subjectAltName=${PORTAL_HOSTS.map((h) => `DNS:${h}`).join(',')}`];
  for (const args of [[...base, ...san], base]) {
    try {
      await execFileP('openssl', args, { timeout: 30_000 });
      return { key: await readFile(keyFile), cert: await readFile(certFile) };
    } catch {
      // try again without the SAN extension (old openssl), then give up
    }
  }
  return null;
}

/** Resolves `rel` inside `root`; undefined when it would leave `root`. */
function safeJoin(root: string, rel: string): string | undefined {
  if (rel.includes('\0')) return undefined;
  const base = path.resolve(root);
  const full = path.resolve(base, `.${path.posix.sep}${rel}`);
  if (full !== base && !full.startsWith(base + path.sep)) return undefined;
  return full;
}

/** A regular file's bytes (a folder gives its index.html), with the file actually read. */
async function readRegularFile(file: string, depth = 0): Promise<{ file: string; body: Buffer } | undefined> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return depth === 0 ? readRegularFile(path.join(file, 'index.html'), 1) : undefined;
    if (!s.isFile()) return undefined;
    return { file, body: await readFile(file) };
  } catch {
    return undefined;
  }
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function makeHandler(extraRoots: { prefix: string; dir: string }[]): Handler {
  const roots = extraRoots.map((r) => ({
    prefix: r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`,
    dir: path.resolve(r.dir),
  }));

  const send = (res: http.ServerResponse, status: number, type: string | null, body?: Buffer | string): void => {
    const headers: Record<string, string | number> = { 'cache-control': 'no-store' };
    if (type) headers['content-type'] = type;
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Multi-page lists for the page walk (tests/demo/crawl.ts); the postback list answers POST too.
    if (req.url?.startsWith(CRAWL_PREFIX)) {
      const url = new URL(req.url, 'http://portal.invalid');
      if (url.pathname === `${CRAWL_PREFIX}action`) {
        crawlActions.count++;
        send(res, 200, 'text/plain; charset=utf-8', 'Đã thực hiện\n');
        return;
      }
      let form: URLSearchParams | null = null;
      if (req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      }
      const html = renderCrawlPage(url, form);
      if (html !== undefined) {
        send(res, 200, CONTENT_TYPES['.html']!, html);
        return;
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Phương thức không được hỗ trợ\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Địa chỉ không hợp lệ\n');
      return;
    }
    const head = req.method === 'HEAD';
    const reply = (status: number, type: string, body: Buffer | string): void => {
      if (head) {
        res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
        res.end();
      } else send(res, status, type, body);
    };

    if (pathname === BENCH_PATH || pathname === `${BENCH_PATH}/`) {
      const html = renderBenchPage(benchRowCount(url.searchParams.get('rows')));
      const pause = Number(url.searchParams.get('streamMs') ?? 0);
      if (!head && pause > 0) {
        streamInPieces(res, html, pause, Number(url.searchParams.get('streamChars') ?? 0));
        return;
      }
      reply(200, CONTENT_TYPES['.html']!, html);
      return;
    }

    const file = routeFile(pathname);
    if (file) {
      const found = await readRegularFile(path.join(PAGES_DIR, file));
      if (found) {
        reply(200, contentType(found.file), found.body);
        return;
      }
    }

    for (const root of roots) {
      if (pathname === root.prefix.slice(0, -1) || pathname.startsWith(root.prefix)) {
        const target = safeJoin(root.dir, pathname.slice(root.prefix.length));
        const found = target ? await readRegularFile(target) : undefined;
        if (found) {
          reply(200, contentType(found.file), found.body);
          return;
        }
        reply(404, CONTENT_TYPES['.html']!, NOT_FOUND_PAGE);
        return;
      }
    }

    // Assets the pages do not ship (favicon, result files behind links): nothing to show.
    const ext = path.posix.extname(pathname).toLowerCase();
    if (ext && ext !== '.html' && ext !== '.htm') {
      send(res, 204, null);
      return;
    }
    reply(404, CONTENT_TYPES['.html']!, NOT_FOUND_PAGE);
  };

  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Lỗi máy chủ\n');
      else res.destroy();
    });
  };
}

export async function startPortalServer(opts: PortalServerOptions = {}): Promise<PortalServer> {
  const handler = makeHandler(opts.extraRoots ?? []);
  let certDir: string | null = null;
  let server: http.Server | https.Server;
  let scheme: 'http' | 'https' = 'http';

  if (opts.https ?? true) {
    certDir = await mkdtemp(path.join(tmpdir(), 'kiem-dem-portal-'));
    const cert = await makeCertificate(certDir);
    if (cert) {
      server = https.createServer({ key: cert.key, cert: cert.cert }, handler);
      scheme = 'https';
    } else {
      process.stderr.write('demo portal: openssl is not available, serving plain http instead of https\n');
      server = http.createServer(handler);
    }
  } else {
    server = http.createServer(handler);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  return {
    port,
    origin: (host: string) => `${scheme}://${host}`,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (certDir) await rm(certDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
