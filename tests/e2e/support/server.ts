/**
 * The one web server the end-to-end tests and `npm start` talk to. It serves
 * the fixture pages in tests/fixtures/pages/ by path, on 127.0.0.1 at a random
 * port, in every role a browser may use it in, all on that one port:
 *
 * - a plain server: Chromium reaches it through `--host-resolver-rules`
 *   (`MAP * 127.0.0.1:PORT`), so requests carry an ordinary path and the Host
 *   header names the news site;
 * - an HTTPS server: Chromium upgrades HSTS-preloaded hosts such as
 *   www.theguardian.com to https before sending anything, so a connection that
 *   starts with a TLS handshake is answered with a throwaway self-signed
 *   certificate (cert.ts) that the launched browsers accept;
 * - an HTTP proxy: Firefox's proxy prefs point at it, so requests carry an
 *   absolute URL (`GET http://www.theguardian.com/x.html`), and https arrives as
 *   `CONNECT host:443`, which is tunnelled into the same local TLS server.
 *
 * Routing is on the path; the hostname is kept in the request log. Nothing is
 * ever forwarded: every request is answered here (404 when no fixture or route
 * matches), and every request, tunnel and unparseable connection is recorded
 * so a test can assert that the extension made no network request of its own.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { makeTestCertificate } from './cert.ts';

export const FIXTURE_PAGES_DIR = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

/** One response the route table can give instead of (or on top of) a fixture file. */
export interface Route {
  /** A fixture file (relative to the pages dir) to serve under this path. */
  file?: string;
  /** A literal body; wins over `file`. */
  body?: string;
  status?: number;
  /** Extra or overriding response headers, e.g. a strict `content-security-policy`. */
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  /** `request` for ordinary HTTP, `connect` for a refused tunnel, `garbage` for bytes that are not HTTP (e.g. TLS). */
  kind: 'request' | 'connect' | 'garbage';
  method: string;
  /** The request target exactly as received: a path, or an absolute URL when used as a proxy. */
  target: string;
  /** The hostname the client asked for (from the absolute URL, else the Host header), lower case, no port. */
  host: string;
  path: string;
  /** True when the request arrived in proxy form (absolute URL or CONNECT). */
  proxied: boolean;
  /** True when it came over TLS (directly or through a CONNECT tunnel). */
  secure: boolean;
  /** The headers that tell who asked: origin, referer, user-agent, sec-fetch-*. */
  headers: Record<string, string>;
  status: number;
  at: number;
}

export interface FixtureServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** PEM of the self-signed certificate served for https. */
  readonly certificate: string;
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The URL a browser should load: `http://<host><path>` (through the mapping or the proxy). */
  url(host: string, path: string): string;
  /** Adds or replaces a route at runtime. */
  route(path: string, route: Route): void;
  clearRequests(): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Routes by exact path (query string ignored). Consulted before fixture files. */
  routes?: Record<string, Route>;
  /** Directory of fixture files; defaults to tests/fixtures/pages. */
  root?: string;
  /** Called for every recorded request (e.g. verbose logging in scripts/start.ts). */
  onRequest?: (r: RecordedRequest) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** Splits a request target (path or absolute URL) into host and path. */
export function parseTarget(target: string, hostHeader: string | undefined): { host: string; path: string; proxied: boolean } {
  const proxied = /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
  const u = new URL(target, 'http://unknown.invalid');
  const host = proxied ? u.hostname : (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return { host: host.toLowerCase(), path: u.pathname, proxied };
}

const WHO_ASKED = ['origin', 'referer', 'user-agent', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest'];
function whoAsked(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of WHO_ASKED) {
    const v = req.headers[h];
    if (typeof v === 'string') out[h] = v;
  }
  return out;
}

/** Resolves a URL path to a file under root, or null if it would escape root. */
function fileFor(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** A JS-only duplex over `socket` that first yields `first` (bytes already read from it). */
function streamOf(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, done) {
      socket.write(chunk, done);
    },
    final(done) {
      socket.end(done);
    },
    destroy(err, done) {
      socket.destroy();
      done(err);
    },
  });
  duplex.push(first);
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

export async function startServer(options: ServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(options.root ?? FIXTURE_PAGES_DIR);
  const routes = new Map(Object.entries(options.routes ?? {}));
  const requests: RecordedRequest[] = [];

  const record = (r: Omit<RecordedRequest, 'at'>): void => {
    const entry = { ...r, at: Date.now() };
    requests.push(entry);
    options.onRequest?.(entry);
  };

  const respond = async (req: IncomingMessage, res: ServerResponse, secure: boolean): Promise<void> => {
    const target = req.url ?? '/';
    const { host, path, proxied } = parseTarget(target, req.headers.host);
    let status = 404;
    let body: Buffer | string = `Not found: ${path}\n`;
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    };
    try {
      const route = routes.get(path);
      const file = route?.body !== undefined ? null : fileFor(root, route?.file ? `/${route.file}` : path);
      if (route?.body !== undefined) {
        status = 200;
        body = route.body;
        headers['content-type'] = 'text/html; charset=utf-8';
      } else if (file && (await stat(file).catch(() => null))?.isFile()) {
        status = 200;
        body = await readFile(file);
        headers['content-type'] = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      }
      if (route) {
        if (route.status !== undefined) status = route.status;
        for (const [k, v] of Object.entries(route.headers ?? {})) headers[k.toLowerCase()] = v;
      }
    } catch (e) {
      status = 500;
      body = `Server error: ${(e as Error).message}\n`;
    }
    record({ kind: 'request', method: req.method ?? '?', target, host, path, proxied, secure, status, headers: whoAsked(req) });
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handler = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res, secure).catch(() => res.destroy());
  };
  const tls = makeTestCertificate(['localhost', '*.theguardian.com', '*.example.org']);
  const http = createHttpServer(handler(false));
  const https = createHttpsServer({ key: tls.key, cert: tls.cert }, handler(true));
  const sockets = new Set<Socket>();

  // HTTPS through the proxy: answer the tunnel ourselves with the local TLS server; never connect onwards.
  http.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    record({
      kind: 'connect',
      method: 'CONNECT',
      target,
      host: target
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase(),
      path: '',
      proxied: true,
      secure: false,
      status: 200,
      headers: whoAsked(req),
    });
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    https.emit('connection', head.length > 0 ? streamOf(socket, head) : socket);
  });
  // Connections that are neither HTTP nor a TLS handshake we can complete.
  const onClientError = (secure: boolean) => (err: Error & { code?: string }, socket: Socket) => {
    if (err.code !== 'ECONNRESET') {
      const target = err.code ?? err.message;
      record({ kind: 'garbage', method: '', target, host: '', path: '', proxied: false, secure, status: 400, headers: {} });
    }
    if (!secure && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  };
  http.on('clientError', onClientError(false));
  https.on('tlsClientError', onClientError(true));

  // One port for both: a connection whose first byte is a TLS handshake record (0x16) goes to https.
  // Once bytes have been read in JS, a TLS socket cannot take over the raw handle (it would miss
  // them), so TLS connections are handed over through a plain JS stream that replays them first.
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (first[0] !== 0x16) {
        socket.unshift(first);
        http.emit('connection', socket);
        socket.resume();
        return;
      }
      https.emit('connection', streamOf(socket, first));
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    certificate: tls.cert,
    requests,
    url: (host, path) => `http://${host}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, route) => {
      routes.set(path, route);
    },
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
