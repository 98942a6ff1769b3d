/**
 * The Connect REST API on node:http: a thin layer that binds the request (path, query, body) the way
 * Jersey does, calls the herder, and writes the entity; every error goes through the one mapper.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundException } from '../data/errors';
import { mapError } from '../errors/error-mapper';
import { WebApplicationException } from '../errors/rest-errors';
import type { Herder } from '../herder/herder';
import { stringifyJson } from './json-parser';
import type { LoggerLevels } from './loggers';
import { buildRoutes } from './routes';
import type { RestContext, Route } from './routes';

export interface RestServerOptions {
  herder: Herder;
  loggers: LoggerLevels;
  port: number;
  host?: string;
  maxBodyBytes?: number;
  topicTrackingEnabled?: boolean;
  topicTrackingAllowReset?: boolean;
  connectorPluginConfig: RestContext['connectorPluginConfig'];
  plugins: RestContext['plugins'];
  taskMetrics?: RestContext['taskMetrics'];
  log: (line: string) => void;
  /** One line per request (Jetty's request log, which Connect writes at INFO through RestServer's logger). */
  accessLog?: (line: string) => void;
  /** Resolves once the herder finished start-up; non-health requests wait for it. */
  ready: Promise<void>;
}

export interface HttpReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Jersey's own errors (no matching resource/method/media type) are written without Content-Type. */
  noContentType?: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

function split(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function match(route: Route, segments: string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const p = route.segments[i];
    if (p.startsWith(':')) params[p.slice(1)] = segments[i]!;
    else if (p !== segments[i]) return null;
  }
  return params;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new WebApplicationException(413, 'HTTP 413 Request Entity Too Large'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Jetty's extended NCSA line plus the latency, as in Connect's log: `127.0.0.1 - - [26/Nov/2026:02:55:35 +0000] "GET /health HTTP/1.1" 200 95 "" "curl/8.0" 3`. */
function requestLogLine(req: IncomingMessage, res: ServerResponse, started: number): string {
  const d = new Date(started);
  const p = (n: number): string => String(n).padStart(2, '0');
  const when = `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
  const bytes = Number(res.getHeader('Content-Length') ?? 0);
  const header = (name: string): string => String(req.headers[name] ?? '');
  return (
    `${req.socket.remoteAddress ?? '-'} - - [${when}] "${req.method ?? '-'} ${req.url ?? '-'} HTTP/${req.httpVersion}" ` +
    `${res.statusCode} ${bytes} "${header('referer')}" "${header('user-agent')}" ${Date.now() - started}`
  );
}

export class RestServer {
  private server: Server | null = null;
  private readonly routes: Route[];

  constructor(private readonly o: RestServerOptions) {
    this.routes = buildRoutes();
  }

  async start(): Promise<number> {
    const server = createServer((req, res) => {
      const accessLog = this.o.accessLog;
      if (accessLog) {
        const started = Date.now();
        res.once('finish', () => accessLog(requestLogLine(req, res, started)));
      }
      this.handle(req, res).catch((error: unknown) => {
        this.o.log(`REST handler crashed: ${String(error)}`);
        if (!res.headersSent)
          this.write(res, { status: 500, body: { error_code: 500, message: String(error) } });
      });
    });
    server.keepAliveTimeout = 30000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host ?? '127.0.0.1', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private write(res: ServerResponse, reply: HttpReply): void {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const text = stringifyJson(reply.body);
    if (!reply.noContentType) headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers);
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    let reply: HttpReply;
    let jerseyError = false;
    try {
      const segments = split(url.pathname);
      if (segments === null) throw new WebApplicationException(400, 'HTTP 400 Bad Request');
      const candidates = this.routes
        .map((route) => ({ route, params: match(route, segments) }))
        .filter((c) => c.params !== null);
      jerseyError = true;
      if (candidates.length === 0) throw new NotFoundException('HTTP 404 Not Found');
      const effective = method === 'HEAD' ? 'GET' : method;
      const hit = candidates.find((c) => c.route.method === effective);
      if (!hit) throw new WebApplicationException(405, 'HTTP 405 Method Not Allowed');
      const contentType = (req.headers['content-type'] ?? '').toLowerCase();
      const bodyText = await readBody(req, this.o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      if (hit.route.consumesBody && contentType !== '' && !contentType.startsWith('application/json')) {
        throw new WebApplicationException(415, 'HTTP 415 Unsupported Media Type');
      }
      jerseyError = false;
      if (!hit.route.beforeReady) await this.o.ready;
      reply = await hit.route.handler({
        params: hit.params!,
        query: url.searchParams,
        body: bodyText,
        host: req.headers.host ?? `127.0.0.1`,
        ctx: {
          herder: this.o.herder,
          loggers: this.o.loggers,
          topicTrackingEnabled: this.o.topicTrackingEnabled ?? true,
          topicTrackingAllowReset: this.o.topicTrackingAllowReset ?? true,
          connectorPluginConfig: this.o.connectorPluginConfig,
          plugins: this.o.plugins,
          ...(this.o.taskMetrics ? { taskMetrics: this.o.taskMetrics } : {}),
        },
      });
    } catch (error) {
      const mapped = mapError(error);
      reply = { status: mapped.status, body: mapped.body, noContentType: jerseyError };
    }
    if (method === 'HEAD') reply = { ...reply, body: undefined };
    this.write(res, reply);
  }
}
