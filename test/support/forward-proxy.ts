/**
 * A real forwarding HTTP proxy on 127.0.0.1 (node:http + node:net): absolute-form requests
 * (GET http://host:port/path) are forwarded to their host, CONNECT host:port opens a raw TCP
 * tunnel. With `credentials`, every request and CONNECT must carry Proxy-Authorization: Basic for
 * them (changeable with setCredentials), else 407 with Proxy-Authenticate, as squid does. It counts what it forwarded and refused.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ForwardProxyOptions {
  credentials?: { username: string; password: string };
}

export interface ForwardProxy {
  host: string;
  port: number;
  /** Forwarded requests ("GET http://127.0.0.1:9200/"), one per request. */
  forwarded: string[];
  /** Opened CONNECT tunnels ("127.0.0.1:9443"). */
  tunnels: string[];
  /** Requests and CONNECTs answered 407 (missing or wrong Proxy-Authorization). */
  refused: number;
  /** From now on, demand these credentials (a password rotated on the proxy). */
  setCredentials(c: { username: string; password: string } | undefined): void;
  close(): Promise<void>;
}

const REFUSAL =
  'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="kcl-test-proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

export async function startForwardProxy(o: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const basic = (c: ForwardProxyOptions['credentials']): string | null =>
    c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` : null;
  let expected = basic(o.credentials);
  const sockets = new Set<Socket>();
  const state = { forwarded: [] as string[], tunnels: [] as string[], refused: 0 };
  const authorized = (req: IncomingMessage): boolean =>
    expected === null || req.headers['proxy-authorization'] === expected;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req)) {
      state.refused++;
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="kcl-test-proxy"', 'content-length': '0' });
      res.end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    state.forwarded.push(`${req.method} ${target.href}`);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const up = request(
      {
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(up);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    if (!authorized(req)) {
      state.refused++;
      client.end(REFUSAL);
      return;
    }
    const authority = req.url ?? '';
    const at = authority.lastIndexOf(':');
    const host = authority.slice(0, at).replace(/^\[|\]$/g, '');
    const upstream = connect(Number(authority.slice(at + 1)), host, () => {
      state.tunnels.push(authority);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    get forwarded() {
      return state.forwarded;
    },
    get tunnels() {
      return state.tunnels;
    },
    get refused() {
      return state.refused;
    },
    setCredentials: (c) => {
      expected = basic(c);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
