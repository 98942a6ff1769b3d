/**
 * One HTTP(S) request to the engine over node:http / node:https: connection.timeout.ms bounds the
 * connect, read.timeout.ms the wait for data (the Java client's socket timeout), TLS options from
 * elastic.https.* (tls-options.ts), through the proxy.* HTTP proxy when one is set (proxy-tunnel.ts),
 * gzip answers decoded. Failures come back as the Java exceptions the real client reports (io-errors.ts).
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SecureContextOptions } from 'node:tls';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { JavaIoException, ResponseException, javaIoError } from './io-errors';
import {
  ProxyConnectError,
  ProxyTunnelAgent,
  ProxyTunnelRefused,
  proxyAddress,
  proxyAuthorization,
} from './proxy-tunnel';
import type { ProxySettings } from './settings';

const gunzipAsync = promisify(gunzip);

export interface TlsClientOptions {
  /** Trust material, client certificate, protocols and ciphers. */
  context: SecureContextOptions;
  /** false when elastic.https.ssl.endpoint.identification.algorithm is empty. */
  verifyHostname: boolean;
}

export interface HttpCall {
  base: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  tls: TlsClientOptions | null;
  /** Keep-alive connection pools (the sink's); none: one connection per request (validate). */
  agents?: Agents;
  /** proxy.host etc.: every request goes through this HTTP proxy (the agents must be made for it). */
  proxy?: ProxySettings | null;
}

export interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
  destroy(): void;
}

/**
 * Pooled keep-alive connections, as the Java client's connection manager keeps them; with a proxy,
 * http connections go to the proxy and https ones are TLS inside CONNECT tunnels through it.
 */
export function keepAliveAgents(proxy: ProxySettings | null = null, tunnelTimeoutMs = 0): Agents {
  const http = new HttpAgent({ keepAlive: true });
  const https =
    proxy === null
      ? new HttpsAgent({ keepAlive: true })
      : new ProxyTunnelAgent(proxy, tunnelTimeoutMs, { keepAlive: true });
  return {
    http,
    https,
    destroy: () => {
      http.destroy();
      https.destroy();
    },
  };
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Sends the request; a non-2xx status not in `okStatuses` is a ResponseException. */
export async function httpCall(c: HttpCall, okStatuses: number[] = []): Promise<HttpAnswer> {
  const url = new URL(c.path, c.base.endsWith('/') ? c.base : `${c.base}/`);
  const host = `${url.protocol}//${url.host}`;
  let res: IncomingMessage;
  let raw: Buffer;
  try {
    [res, raw] = await send(url, c);
  } catch (e) {
    // the Java async client hands back the proxy's refusal of a CONNECT as the response
    if (e instanceof ProxyTunnelRefused)
      throw new ResponseException(e.status, c.method, host, c.path, e.statusText, e.body);
    if (c.proxy) throw proxiedIoError(e, c.proxy, isHttps(url), c.readTimeoutMs);
    throw javaIoError(e, url.hostname, c.readTimeoutMs);
  }
  const status = res.statusCode ?? 0;
  const body = res.headers['content-encoding'] === 'gzip' ? await gunzipAsync(raw) : raw;
  const text = body.toString('utf8');
  if ((status >= 200 && status < 300) || okStatuses.includes(status)) return { status, text };
  throw new ResponseException(status, c.method, host, c.path, res.statusMessage ?? '', text);
}

const isHttps = (url: URL): boolean => url.protocol === 'https:';

const CONNECT_FAILURES = new Set([
  'java.net.ConnectException',
  'java.net.UnknownHostException',
  'java.net.NoRouteToHostException',
]);

/**
 * A failure to reach the proxy says so (the Java client's bare "Connection refused" would point at
 * the engine): every connection of an http:// engine is to the proxy; for https:// ones, the
 * CONNECT's own failures (ProxyConnectError).
 */
function proxiedIoError(e: unknown, proxy: ProxySettings, tunnelled: boolean, readTimeoutMs: number): Error {
  const toProxy = e instanceof ProxyConnectError;
  const java = javaIoError(toProxy ? e.original : e, proxy.host, readTimeoutMs);
  if (!(java instanceof JavaIoException)) return java;
  const connectPhase =
    CONNECT_FAILURES.has(java.javaClassName) ||
    (java.javaClassName === 'java.net.SocketTimeoutException' && java.message === 'connect timed out');
  if (!toProxy && (tunnelled || !connectPhase)) return java;
  return new JavaIoException(
    java.javaClassName,
    `${java.message} (connecting to the HTTP proxy ${proxyAddress(proxy)} set by proxy.host and proxy.port)`,
    { cause: e },
  );
}

function send(url: URL, c: HttpCall): Promise<[IncomingMessage, Buffer]> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    if (https && c.tls === null) {
      reject(new Error('https URL without TLS settings'));
      return;
    }
    const headers = { ...c.headers };
    if (c.body !== undefined) headers['content-length'] = String(Buffer.byteLength(c.body));
    const proxy = c.proxy ?? null;
    const common = {
      method: c.method,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers,
    };
    let oneOff: HttpsAgent | null = null;
    let req;
    if (https) {
      if (proxy !== null && c.agents === undefined)
        oneOff = new ProxyTunnelAgent(proxy, c.connectTimeoutMs + c.readTimeoutMs);
      req = httpsRequest({
        ...common,
        agent: oneOff ?? c.agents?.https ?? false,
        ...(c.tls?.context ?? {}),
        ...(c.tls?.verifyHostname === false ? { checkServerIdentity: () => undefined } : {}),
      });
    } else if (proxy !== null) {
      // absolute form to the proxy, Host: the engine
      const auth = proxyAuthorization(proxy);
      req = httpRequest({
        ...common,
        hostname: proxy.host,
        port: proxy.port,
        path: `${url.protocol}//${url.host}${url.pathname}${url.search}`,
        headers: { ...headers, host: url.host, ...(auth !== null ? { 'proxy-authorization': auth } : {}) },
        agent: c.agents?.http ?? false,
      });
    } else {
      req = httpRequest({ ...common, agent: c.agents?.http ?? false });
    }
    if (oneOff !== null) {
      const agent = oneOff;
      req.once('close', () => agent.destroy());
    }
    let isConnected = false;
    // setImmediate: a connection made while the event loop was busy is seen (poll phase) before
    // the timer's verdict — otherwise a long put() would fail connects that had succeeded.
    const connectTimer = setTimeout(() => {
      setImmediate(() => {
        if (isConnected) return;
        const e = new Error('connect timed out');
        e.name = 'ConnectTimeoutError';
        req.destroy(e);
      });
    }, c.connectTimeoutMs);
    req.once('socket', (socket) => {
      const connected = (): void => {
        isConnected = true;
        clearTimeout(connectTimer);
      };
      if (!socket.connecting) connected();
      else socket.once(https ? 'secureConnect' : 'connect', connected);
    });
    req.setTimeout(c.readTimeoutMs, () => {
      const e = new Error('read timed out');
      e.name = 'TimeoutError';
      req.destroy(e);
    });
    req.on('error', (e) => {
      clearTimeout(connectTimer);
      reject(e);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(connectTimer);
        resolve([res, Buffer.concat(chunks)]);
      });
    });
    req.end(c.body);
  });
}
