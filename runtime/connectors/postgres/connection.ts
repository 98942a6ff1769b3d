/**
 * Opening pg connections the way the connectors need them: every value as raw text (the connectors
 * convert to Connect types themselves, exactly), session time zone UTC, bounded retries, and error
 * messages that say in plain words what to fix (never the password).
 */
import type pg from 'pg';
import { loadPg } from './pg-modules';
import type { ClientConfig } from 'pg';
import { labHosts } from '../../net/lab-hosts';

export interface ConnectionSettings {
  host: string;
  port: number;
  database: string;
  user: string | null;
  password: string | null;
  /** pg replication mode ('database') for logical replication connections. */
  replication?: boolean;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/** Every type as its text form: callers parse values exactly (int8, numeric, timestamps...). */
const RAW_TYPES = { getTypeParser: () => (value: string) => value } as unknown as ClientConfig['types'];

export function clientConfig(s: ConnectionSettings): ClientConfig {
  // Lab only: the lesson's host name "postgres" resolves to the lab's PostgreSQL (runtime/net/lab-hosts.ts).
  const at = labHosts().endpoint(s.host, s.port);
  const cfg: ClientConfig & { replication?: string } = {
    host: at.host,
    port: at.port,
    database: s.database,
    user: s.user ?? undefined,
    password: s.password ?? undefined,
    connectionTimeoutMillis: s.connectTimeoutMs ?? 10_000,
    types: RAW_TYPES,
    application_name: s.applicationName ?? 'kafka-connect-lab',
    options: '-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601 -c extra_float_digits=3',
  };
  if (s.replication) cfg.replication = 'database';
  return cfg;
}

/** What went wrong, in words a learner can act on. */
export function describeConnectionError(err: unknown, s: ConnectionSettings): string {
  const e = err as { code?: string; message?: string };
  const where = `${s.host}:${s.port}`;
  switch (e.code) {
    case '28P01':
      return `Password authentication failed for user "${s.user ?? ''}" on PostgreSQL at ${where}: check the configured user and password.`;
    case '28000':
      return `PostgreSQL at ${where} rejected user "${s.user ?? ''}" (${e.message ?? ''}): check the user name and pg_hba.conf.`;
    case '3D000':
      return `Database "${s.database}" does not exist on PostgreSQL at ${where}: check the database name.`;
    case 'ECONNREFUSED':
      return `Could not connect to PostgreSQL at ${where}: connection refused. Is the server running and is the host/port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not connect to PostgreSQL: host "${s.host}" cannot be resolved. Check the host name (outside the lesson's docker network use 127.0.0.1 or localhost).`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Could not connect to PostgreSQL at ${where}: the host is unreachable. Check the host/port and the network.`;
    default:
      if (/timeout/i.test(e.message ?? '')) {
        return `Could not connect to PostgreSQL at ${where}: connection timed out. Check the host/port and the network.`;
      }
      return `Could not connect to PostgreSQL at ${where}: ${e.message ?? String(err)}`;
  }
}

export class PostgresConnectionError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ConnectException';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Errors where retrying cannot help (bad credentials, missing database). */
function isPermanent(code: string | undefined): boolean {
  return code === '28P01' || code === '28000' || code === '3D000' || code === 'ENOTFOUND';
}

/** Connects, retrying `attempts` times `backoffMs` apart (pgjdbc CachedConnectionProvider semantics). */
export async function connectWithRetries(
  s: ConnectionSettings,
  attempts = 3,
  backoffMs = 10_000,
  isStopped: () => boolean = () => false,
): Promise<pg.Client> {
  const { Client } = await loadPg();
  let last: unknown;
  for (let i = 1; i <= Math.max(1, attempts); i++) {
    const client = new Client(clientConfig(s));
    client.on('error', () => {
      /* reported through the next query */
    });
    try {
      await client.connect();
      return client;
    } catch (err) {
      last = err;
      await client.end().catch(() => undefined);
      const code = (err as { code?: string }).code;
      if (isPermanent(code) || i >= attempts || isStopped()) break;
      await sleep(backoffMs);
    }
  }
  throw new PostgresConnectionError(describeConnectionError(last, s), (last as { code?: string }).code);
}
