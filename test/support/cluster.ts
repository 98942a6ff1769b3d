/**
 * The dev cluster the test launcher (test/run.ts) started for this run. Integration and compat
 * tests read its addresses from the environment; nothing here starts a service.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConfig } from 'kafkajs';
import pg from 'pg';

export interface TestCluster {
  /** host:port of the Kafka 4.4 broker. */
  bootstrapServers: string;
  /** postgres://postgres:postgres@127.0.0.1:P/postgres */
  postgresUrl: string;
  /** The launcher's lab state dir (for tests that look at logs or processes). */
  stateDir: string | undefined;
}

export function testCluster(): TestCluster {
  const bootstrapServers = process.env.KCL_BOOTSTRAP_SERVERS;
  const postgresUrl = process.env.KCL_POSTGRES_URL;
  if (!bootstrapServers || !postgresUrl) {
    throw new Error(
      'KCL_BOOTSTRAP_SERVERS / KCL_POSTGRES_URL are not set: integration tests run under the launcher, ' +
        'which starts the cluster: `npm test -- integration` (or `node --import tsx test/run.ts integration`). ' +
        'To use a cluster you already have: lab up --detach, then export both from `lab status --json`.',
    );
  }
  return { bootstrapServers, postgresUrl, stateDir: process.env.KCL_LAB_STATE_DIR };
}

/** A name no other test (or earlier run) uses: prefix-<time>-<random>, safe for topics, groups and SQL. */
export function uniqueName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return `${clean}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A kafkajs client for the test cluster, quiet below WARN. */
export function kafkaClient(clientId = uniqueName('test'), extra: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId,
    brokers: [testCluster().bootstrapServers],
    logLevel: logLevel.WARN,
    ...extra,
  });
}

/** The test cluster's URL for another database (postgres, mydb, inventory, warehouse). */
export function postgresUrlFor(database: string): string {
  const url = new URL(testCluster().postgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connected pg client on `database`; the caller ends it. */
export async function pgClient(database = 'postgres'): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: postgresUrlFor(database) });
  await client.connect();
  return client;
}
