/**
 * The external provider: a cluster someone else runs. `up` checks the given addresses answer
 * (Kafka metadata, each Connect REST URL with optional basic auth, PostgreSQL SELECT 1) and
 * remembers them in the state dir; `status` checks them again; `down` forgets them (it stops nothing).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { LabError } from '../errors';
import { kafkaAnswers } from '../local/kafka';
import { PRODUCT } from '../paths';
import type { ClusterProvider, ProviderContext, ProviderUpOptions } from '../provider';
import { inspectStateDir, STATE_VERSION, writeState } from '../state-dir';
import type { ExternalState } from '../state-dir';
import type { ClusterStatus, ExternalClusterOptions, ServiceName } from '../types';

function bad(message: string, nextStep: string): LabError {
  return new LabError('EXTERNAL_UNREACHABLE', message, nextStep);
}

/** Validates and normalises the addresses; credentials inside a Connect URL move to connectAuth. */
export function externalState(o: ExternalClusterOptions, env: NodeJS.ProcessEnv): ExternalState {
  const brokers = o.bootstrapServers
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (brokers.length === 0) {
    throw bad(
      'The external provider needs the Kafka bootstrap servers.',
      'Pass --bootstrap-servers host:port[,host:port] (and --connect-url URL for Connect).',
    );
  }
  for (const b of brokers) {
    if (!/^[^\s:/]+:\d{1,5}$/.test(b) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(b)) {
      throw bad(
        `"${b}" is not a host:port bootstrap server.`,
        'Pass --bootstrap-servers host:port[,host:port].',
      );
    }
  }
  let auth: ExternalState['connectAuth'] =
    o.connectUsername !== undefined
      ? { username: o.connectUsername, password: o.connectPassword ?? env.KCL_CONNECT_PASSWORD ?? '' }
      : null;
  const connectUrls: string[] = [];
  for (const raw of o.connectUrls ?? []) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw bad(
        `"${raw}" is not a Connect REST URL.`,
        'Pass --connect-url http://host:8083 (or https://...).',
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw bad(`"${raw}" is not an http(s) URL.`, 'Pass --connect-url http://host:8083 (or https://...).');
    }
    if (url.username !== '') {
      auth ??= { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
      url.username = '';
      url.password = '';
    }
    connectUrls.push(url.toString().replace(/\/+$/, ''));
  }
  const postgresUrl = o.postgresUrl?.trim() || null;
  if (postgresUrl !== null && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw bad(
      `"${postgresUrl}" is not a postgres:// URL.`,
      'Pass --postgres-url postgres://user:password@host:5432/db.',
    );
  }
  return { bootstrapServers: brokers.join(','), connectUrls, postgresUrl, connectAuth: auth };
}

function authHeader(ext: ExternalState): Record<string, string> {
  if (!ext.connectAuth) return {};
  const token = Buffer.from(`${ext.connectAuth.username}:${ext.connectAuth.password}`).toString('base64');
  return { authorization: `Basic ${token}` };
}

/** 'ok', or why not (HTTP status or network error), for one Connect REST URL. */
export async function checkConnect(url: string, ext: ExternalState, timeoutMs: number): Promise<string> {
  try {
    const res = await fetch(`${url}/`, { headers: authHeader(ext), signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    if (res.ok) return 'ok';
    if (res.status === 401 || res.status === 403)
      return `HTTP ${res.status}: ${ext.connectAuth ? 'the user or password is wrong' : 'it needs basic auth (--connect-user, KCL_CONNECT_PASSWORD)'}`;
    return `HTTP ${res.status}`;
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return cause ?? (e instanceof Error ? e.message : String(e));
  }
}

async function checkKafka(bootstrapServers: string, timeoutMs: number): Promise<boolean> {
  for (const broker of bootstrapServers.split(',')) if (await kafkaAnswers(broker, timeoutMs)) return true;
  return false;
}

export async function checkPostgres(url: string, timeoutMs: number): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'ok';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export class ExternalProvider implements ClusterProvider {
  readonly name = 'external' as const;

  precheck(ctx: ProviderContext, opts: ProviderUpOptions): Promise<void> {
    const found = inspectStateDir(ctx.stateDir);
    const previous = found.kind === 'ours' ? found.state.external : undefined;
    try {
      if (found.kind === 'ours' && found.state.provider !== 'external')
        this.mismatch(ctx.stateDir, found.state.provider);
      if (opts.external) externalState(opts.external, ctx.env);
      else if (!previous) this.noAddresses();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve();
  }

  private mismatch(stateDir: string, provider: string): never {
    throw new LabError(
      'PROVIDER_MISMATCH',
      `The cluster in ${stateDir} was created with the ${provider} provider.`,
      `Run lab down --state-dir ${stateDir} first, or use another --state-dir.`,
    );
  }

  private noAddresses(): never {
    throw bad(
      "The external provider needs the cluster's addresses.",
      'Pass --bootstrap-servers host:port, and --connect-url URL (repeatable) / --postgres-url URL as needed.',
    );
  }

  async up(ctx: ProviderContext, opts: ProviderUpOptions): Promise<ClusterStatus> {
    const { stateDir, env, progress } = ctx;
    const found = inspectStateDir(stateDir);
    if (found.kind === 'ours' && found.state.provider !== 'external')
      this.mismatch(stateDir, found.state.provider);
    const previous = found.kind === 'ours' ? found.state.external : undefined;
    if (!opts.external && !previous) this.noAddresses();
    const ext = opts.external ? externalState(opts.external, env) : (previous as ExternalState);
    const timeoutMs = Math.min(opts.readyTimeoutMs, 10_000);
    progress(`kafka: checking ${ext.bootstrapServers}`);
    if (!(await checkKafka(ext.bootstrapServers, timeoutMs))) {
      throw bad(
        `Kafka at ${ext.bootstrapServers} did not answer a metadata request within ${Math.round(timeoutMs / 1000)} s; nothing was saved.`,
        'Check the address and that the broker is reachable from this machine (listeners/advertised.listeners).',
      );
    }
    for (const url of ext.connectUrls) {
      progress(`connect: checking ${url}`);
      const why = await checkConnect(url, ext, timeoutMs);
      if (why !== 'ok')
        throw bad(
          `Connect at ${url} did not answer GET / (${why}); nothing was saved.`,
          'Check the URL and credentials.',
        );
    }
    if (ext.postgresUrl) {
      progress(`postgres: checking ${redact(ext.postgresUrl)}`);
      const why = await checkPostgres(ext.postgresUrl, timeoutMs);
      if (why !== 'ok') {
        throw bad(
          `PostgreSQL at ${redact(ext.postgresUrl)} did not answer SELECT 1 (${why}); nothing was saved.`,
          'Check the URL, user and password.',
        );
      }
    }
    writeState(stateDir, {
      product: PRODUCT,
      version: STATE_VERSION,
      provider: 'external',
      createdAt: found.kind === 'ours' ? found.state.createdAt : new Date().toISOString(),
      ports: { kafka: 0, controller: 0, postgres: 0, connect: 0 },
      kafka: { clusterId: '' },
      postgres: { dir: '' },
      connect: { url: ext.connectUrls[0] ?? null },
      processes: {},
      external: ext,
    });
    return this.status(ctx);
  }

  /** Nothing runs here: `down` forgets the addresses (the state dir), with or without --purge. */
  down(ctx: ProviderContext): Promise<void> {
    const found = inspectStateDir(ctx.stateDir);
    if (found.kind === 'ours') {
      rmSync(ctx.stateDir, { recursive: true, force: true });
      ctx.progress(`lab: forgot the external cluster (${ctx.stateDir}); nothing was stopped`);
    }
    return Promise.resolve();
  }

  async status(ctx: ProviderContext): Promise<ClusterStatus> {
    const found = inspectStateDir(ctx.stateDir);
    const ext = found.kind === 'ours' ? found.state.external : undefined;
    if (!ext) {
      return {
        kafka: { bootstrapServers: null, state: 'absent' },
        postgres: { url: null, state: 'absent' },
        connect: { url: null, state: 'absent' },
      };
    }
    const [kafka, postgres, connects] = await Promise.all([
      checkKafka(ext.bootstrapServers, 3000),
      ext.postgresUrl ? checkPostgres(ext.postgresUrl, 3000) : Promise.resolve(undefined),
      Promise.all(ext.connectUrls.map((u) => checkConnect(u, ext, 3000))),
    ]);
    return {
      kafka: { bootstrapServers: ext.bootstrapServers, state: kafka ? 'running' : 'unresponsive' },
      postgres:
        postgres === undefined
          ? { url: null, state: 'absent' }
          : { url: ext.postgresUrl, state: postgres === 'ok' ? 'running' : 'unresponsive' },
      connect:
        ext.connectUrls.length === 0
          ? { url: null, state: 'absent' }
          : {
              url: ext.connectUrls[0] ?? null,
              // running when every URL answers
              state: connects.every((c) => c === 'ok') ? 'running' : 'unresponsive',
              urls: ext.connectUrls,
            },
    };
  }

  logFile(ctx: ProviderContext, service: ServiceName): string {
    return join(ctx.stateDir, 'logs', `${service}.log`);
  }

  logs(_ctx: ProviderContext, service: ServiceName): Promise<string | undefined> {
    return Promise.reject(
      new LabError(
        'NO_LOG',
        `The ${service} of an external cluster logs where it runs, not here.`,
        'Read the logs on the machines that run the external cluster.',
      ),
    );
  }
}
