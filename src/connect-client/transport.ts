import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}
export interface HttpResponse {
  status: number;
  body: string;
}
export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export interface TlsOptions {
  /** PEM CA bundle that signed the cluster's certificate (a private CA). */
  caFile?: string;
  /** PEM client certificate and key, for clusters that require client authentication. */
  certFile?: string;
  keyFile?: string;
  insecure?: boolean;
}

/** Node's global fetch; used for plain http and https with the system trust store. */
export const fetchTransport: Transport = async (req) => {
  const res = await fetch(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(req.timeoutMs),
  });
  return { status: res.status, body: await res.text() };
};

/**
 * fetch cannot take a CA bundle, a client certificate or skip verification without undici's dispatcher, so https with
 * TLS options goes through node:https instead.
 */
export function tlsTransport(tls: TlsOptions): Transport {
  const ca = tls.caFile ? readFileSync(tls.caFile) : undefined;
  const cert = tls.certFile ? readFileSync(tls.certFile) : undefined;
  const key = tls.keyFile ? readFileSync(tls.keyFile) : undefined;
  return (req) =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url);
      const mod = url.protocol === 'https:' ? https : http;
      const r = mod.request(
        url,
        {
          method: req.method,
          headers: req.headers,
          timeout: req.timeoutMs,
          ...(url.protocol === 'https:' ? { ca, cert, key, rejectUnauthorized: !tls.insecure } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      r.on('timeout', () =>
        r.destroy(Object.assign(new Error('request timed out'), { name: 'TimeoutError' })),
      );
      r.on('error', reject);
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
}

export function chooseTransport(tls: TlsOptions): Transport {
  return tls.caFile || tls.certFile || tls.keyFile || tls.insecure ? tlsTransport(tls) : fetchTransport;
}
