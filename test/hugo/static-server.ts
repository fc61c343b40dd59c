/**
 * A tiny static file server for built Hugo sites, used by the end-to-end tests and
 * by `scripts/serve-hugo-demo.ts`.
 *
 * - serves `root` under `prefix` (e.g. "/blog/"), like a site whose baseURL has a
 *   sub-path; anything outside the prefix is a 404;
 * - `dir/` serves `dir/index.html`, `dir` redirects to `dir/`;
 * - real MIME types (`.js` text/javascript, `.woff2` font/woff2, `.css` text/css, ...);
 * - every response carries the Content-Security-Policy given (default
 *   `default-src 'self'`), so pages are checked under a strict policy;
 * - records every request, so tests can see what was fetched.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export const STRICT_CSP = "default-src 'self'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServedRequest {
  method: string;
  url: string;
  status: number;
  contentType?: string;
}

export interface StaticServerOptions {
  /** Folder to serve (a Hugo `public/`). Can be set later, before the first request. */
  root?: string;
  /** URL path the folder appears under; must start and end with "/". Default "/". */
  prefix?: string;
  /** Content-Security-Policy header for every response; null sends none. */
  csp?: string | null;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  host?: string;
}

export interface StaticServer {
  /** Origin plus prefix, e.g. http://127.0.0.1:41234/blog/ */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  root: string;
  readonly requests: ServedRequest[];
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? '/';
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with "/", got ${JSON.stringify(prefix)}`);
  }
  const csp = options.csp === undefined ? STRICT_CSP : options.csp;
  const host = options.host ?? '127.0.0.1';
  const requests: ServedRequest[] = [];
  const state = { root: options.root ? resolve(options.root) : '' };

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const record: ServedRequest = { method: req.method ?? 'GET', url: rawUrl, status: 0 };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
      const type = res.getHeader('Content-Type');
      if (typeof type === 'string') record.contentType = type;
    });
    if (csp) res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
    } catch {
      send(req, res, 400, 'bad request');
      return;
    }
    if (pathname === prefix.slice(0, -1) && prefix !== '/') {
      res.writeHead(301, { Location: prefix });
      res.end();
      return;
    }
    if (!pathname.startsWith(prefix) || pathname.includes('\0') || !state.root) {
      send(req, res, 404, 'not found');
      return;
    }
    const file = resolve(join(state.root, pathname.slice(prefix.length)));
    if (file !== state.root && !file.startsWith(state.root + sep)) {
      send(req, res, 404, 'not found');
      return;
    }
    let target = file;
    let stat = statOrNull(target);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: pathname + '/' });
        res.end();
        return;
      }
      target = join(target, 'index.html');
      stat = statOrNull(target);
    }
    if (!stat?.isFile()) {
      send(req, res, 404, 'not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeType(target), 'Content-Length': String(stat.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(target).pipe(res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  return {
    url: origin + prefix,
    origin,
    port,
    get root() {
      return state.root;
    },
    set root(value: string) {
      state.root = resolve(value);
    },
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
