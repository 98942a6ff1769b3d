/**
 * A front for the test search engine on 127.0.0.1: forwards every request to it, optionally
 * (a) over HTTPS with a given server certificate, requiring a client certificate when `ca` for
 * clients is given, and (b) demanding HTTP basic credentials, answering 401 as Elasticsearch's
 * security does (WWW-Authenticate, a security_exception body except for HEAD). Stands in for an
 * engine with security enabled: the lab's OpenSearch has no security plugin.
 */
import { request, createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface EngineProxyOptions {
  /** The engine's http:// URL. */
  target: string;
  /** Required credentials, if any. */
  basicAuth?: { username: string; password: string };
  /** HTTPS with this key/certificate (PEM). */
  tls?: { key: string; cert: string; clientCa?: string };
}

export interface EngineProxy {
  url: string;
  /** Requests answered so far (method path, authorized or not). */
  requests: string[];
  close(): Promise<void>;
}

export async function startEngineProxy(o: EngineProxyOptions): Promise<EngineProxy> {
  const target = new URL(o.target);
  const requests: string[] = [];
  const expected = o.basicAuth
    ? `Basic ${Buffer.from(`${o.basicAuth.username}:${o.basicAuth.password}`).toString('base64')}`
    : null;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    requests.push(`${req.method} ${req.url}`);
    if (expected !== null && req.headers.authorization !== expected) {
      const reason = req.headers.authorization
        ? `unable to authenticate user [${
            Buffer.from(req.headers.authorization.replace(/^Basic /, ''), 'base64')
              .toString()
              .split(':')[0]
          }] for REST request [${req.url}]`
        : `missing authentication credentials for REST request [${req.url}]`;
      const body = JSON.stringify({
        error: { root_cause: [{ type: 'security_exception', reason }], type: 'security_exception', reason },
        status: 401,
      });
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="security" charset="UTF-8"',
        'content-type': 'application/json',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    const up = request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(up);
  };
  const server: Server = o.tls
    ? createHttpsServer(
        {
          key: o.tls.key,
          cert: o.tls.cert,
          ...(o.tls.clientCa ? { ca: o.tls.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
        },
        handler,
      )
    : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
