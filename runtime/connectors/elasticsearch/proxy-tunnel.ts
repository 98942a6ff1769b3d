/**
 * proxy.host / proxy.port / proxy.username / proxy.password (ConfigCallbackHandler's
 * builder.setProxy + proxy credentials) over node:http, node:https and node:tls only:
 * - http:// engines: the request goes to the proxy in absolute form (GET http://engine:9200/...);
 * - https:// engines: an HTTP CONNECT tunnel to engine:port through the proxy, then TLS to the
 *   engine inside it (ProxyTunnelAgent, pooled like any https Agent).
 * Proxy-Authorization: Basic is sent with every request when both credentials are set (the Java
 * client sends it after the proxy's first 407; the outcome is the same). A CONNECT the proxy
 * refuses comes back as ProxyTunnelRefused (the transport turns it into the ResponseException the
 * Java client reports); the password is only ever in that header, never in a message.
 */
import { request as httpRequest } from 'node:http';
import type { ClientRequestArgs, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AgentOptions as HttpsAgentOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import type { ProxySettings } from './settings';

/** The Proxy-Authorization header value, or null without proxy credentials. */
export function proxyAuthorization(proxy: ProxySettings): string | null {
  if (proxy.username === null || proxy.password === null) return null;
  return `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`;
}

/** "host:port" of the proxy, for messages (never with credentials). */
export function proxyAddress(proxy: ProxySettings): string {
  return `${proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host}:${proxy.port}`;
}

/** The proxy answered the CONNECT with a non-2xx status (407 for wrong or missing credentials). */
export class ProxyTunnelRefused extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly body: string,
  ) {
    super(`the HTTP proxy refused the CONNECT tunnel: ${status} ${statusText}`);
    this.name = 'ProxyTunnelRefused';
  }
}

/** An error while reaching the proxy itself (refused, unknown host, ...), kept apart from the engine's. */
export class ProxyConnectError extends Error {
  constructor(
    readonly proxy: string,
    readonly original: Error,
  ) {
    super(original.message, { cause: original });
    this.name = original.name;
  }
}

type Callback = (err: Error | null, stream: Duplex) => void;

/** Opens CONNECT host:port on the proxy; resolves with the raw tunnel socket. */
function openTunnel(proxy: ProxySettings, host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { host: authority };
    const auth = proxyAuthorization(proxy);
    if (auth !== null) headers['proxy-authorization'] = auth;
    const req = httpRequest({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
    });
    let connected = false;
    req.once('socket', (s) => {
      if (!s.connecting) connected = true;
      else s.once('connect', () => (connected = true));
    });
    req.setTimeout(timeoutMs, () => {
      const e = new Error(connected ? 'read timed out' : 'connect timed out');
      e.name = connected ? 'TimeoutError' : 'ConnectTimeoutError';
      req.destroy(e);
    });
    req.once('error', (e) => reject(connected ? e : new ProxyConnectError(proxyAddress(proxy), e)));
    req.once('connect', (res: IncomingMessage, socket: Socket) => {
      req.setTimeout(0);
      if (res.statusCode === 200) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(new ProxyTunnelRefused(res.statusCode ?? 0, res.statusMessage ?? '', ''));
    });
    // a refused CONNECT may also arrive as an ordinary response, with a body
    req.once('response', (res: IncomingMessage) => {
      req.setTimeout(0);
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.once('end', () => {
        reject(
          new ProxyTunnelRefused(
            res.statusCode ?? 0,
            res.statusMessage ?? '',
            Buffer.concat(chunks).toString('utf8'),
          ),
        );
        res.socket?.destroy();
      });
      res.once('error', reject);
    });
    req.end();
  });
}

/** An https Agent whose connections are TLS sessions inside CONNECT tunnels through the proxy. */
export class ProxyTunnelAgent extends HttpsAgent {
  constructor(
    private readonly proxy: ProxySettings,
    private readonly tunnelTimeoutMs: number,
    options: HttpsAgentOptions = {},
  ) {
    super(options);
  }

  override createConnection(options: ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    const cb: Callback = callback ?? (() => undefined);
    const host = (options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
    const port = Number(options.port ?? 443);
    openTunnel(this.proxy, host, port, this.tunnelTimeoutMs).then(
      (raw) => {
        const tlsOptions = { ...(options as ConnectionOptions), socket: raw, host } as ConnectionOptions & {
          path?: string;
        };
        delete tlsOptions.path;
        const secure = tlsConnect(tlsOptions);
        const failed = (e: Error): void => {
          secure.destroy();
          raw.destroy();
          cb(e, secure);
        };
        secure.once('error', failed);
        secure.once('secureConnect', () => {
          secure.removeListener('error', failed);
          cb(null, secure);
        });
      },
      (e: Error) => cb(e, undefined as unknown as Duplex),
    );
    return undefined;
  }
}
