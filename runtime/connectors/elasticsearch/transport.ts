/**
 * One HTTP(S) request to the engine over node:http / node:https: connection.timeout.ms bounds the
 * connect, read.timeout.ms the wait for data (the Java client's socket timeout), TLS options from
 * elastic.https.* (tls-options.ts), gzip answers decoded. Failures come back as the Java exceptions
 * the real client reports (io-errors.ts).
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SecureContextOptions } from 'node:tls';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ResponseException, javaIoError } from './io-errors';

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
}

export interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
  destroy(): void;
}

/** Pooled keep-alive connections, as the Java client's connection manager keeps them. */
export function keepAliveAgents(): Agents {
  const http = new HttpAgent({ keepAlive: true });
  const https = new HttpsAgent({ keepAlive: true });
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
    throw javaIoError(e, url.hostname, c.readTimeoutMs);
  }
  const status = res.statusCode ?? 0;
  const body = res.headers['content-encoding'] === 'gzip' ? await gunzipAsync(raw) : raw;
  const text = body.toString('utf8');
  if ((status >= 200 && status < 300) || okStatuses.includes(status)) return { status, text };
  throw new ResponseException(status, c.method, host, c.path, res.statusMessage ?? '', text);
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
    const common = {
      method: c.method,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (https ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers,
    };
    const req = https
      ? httpsRequest({
          ...common,
          agent: c.agents?.https ?? false,
          ...(c.tls?.context ?? {}),
          ...(c.tls?.verifyHostname === false ? { checkServerIdentity: () => undefined } : {}),
        })
      : httpRequest({ ...common, agent: c.agents?.http ?? false });
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
