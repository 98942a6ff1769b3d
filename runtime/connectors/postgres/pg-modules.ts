/**
 * pg and pg-logical-replication, loaded on first use: requiring pg makes Node load undici (pg's
 * stream check touches the global Response), which a worker that runs no PostgreSQL connector does
 * not need at start-up. In the bundle the dynamic import stays inside dist/runtime.js (esbuild turns
 * it into a deferred require), so nothing is read from disk later.
 */
import type * as PgNamespace from 'pg';
import type * as PgReplicationNamespace from 'pg-logical-replication';

type Pg = typeof PgNamespace;

let pgModule: Promise<Pg> | undefined;
let replicationModule: Promise<typeof PgReplicationNamespace> | undefined;

export function loadPg(): Promise<Pg> {
  // pg is CommonJS: its exports are the namespace itself or, through ESM interop, its default.
  pgModule ??= import('pg').then((m) => (m as { default?: Pg }).default ?? m);
  return pgModule;
}

export function loadPgReplication(): Promise<typeof PgReplicationNamespace> {
  replicationModule ??= import('pg-logical-replication');
  return replicationModule;
}
