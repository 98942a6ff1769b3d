/** The parsed Debezium PostgreSQL connector configuration the task works with. */
import { ConfigException } from '../../config/config-exception';
import { Password } from '../../config/java-compat';
import { REQUIRED_KEYS, postgresConnectorConfigDef } from './config-def';
import { regexList } from './catalog';
import type { TableFilters } from './catalog';
import type { EventSettings } from './change-events';
import type { ConnectionSettings } from '../postgres/connection';

export interface PostgresSettings {
  connection: ConnectionSettings;
  events: EventSettings;
  filters: TableFilters;
  pluginName: string;
  slotName: string;
  publicationName: string;
  publicationAutocreateMode: string;
  dropSlotOnStop: boolean;
  snapshotMode: string;
  snapshotFetchSize: number;
  heartbeatIntervalMs: number;
  heartbeatTopic: string;
  maxBatchSize: number;
  maxQueueSize: number;
  pollIntervalMs: number;
  skippedOperations: Set<string>;
  placeholder: string;
  slotMaxRetries: number;
  slotRetryDelayMs: number;
  statusUpdateIntervalMs: number;
  /** errors.max.retries: -1 = no limit, 0 = fail at once. */
  maxRetries: number;
  retriableRestartWaitMs: number;
  provideTransactionMetadata: boolean;
  /** <prefix><delimiter><topic.transaction> */
  transactionTopic: string;
}

function keyColumnsMap(text: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!text) return out;
  for (const entry of text.split(';')) {
    const idx = entry.indexOf(':');
    if (idx < 0) continue;
    out.set(
      entry.slice(0, idx).trim(),
      entry
        .slice(idx + 1)
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    );
  }
  return out;
}

/**
 * Parses and checks a connector config (ConfigException on the first problem). Like Debezium 2.0+,
 * `topic.prefix` is required: the pre-2.0 `database.server.name` is not read.
 */
export function parsePostgresSettings(props: Record<string, string>): PostgresSettings {
  const p = postgresConnectorConfigDef().parse(props);
  const str = (k: string): string => (p.get(k) as string | null) ?? '';
  const num = (k: string): number => Number(p.get(k));
  for (const k of REQUIRED_KEYS) {
    if (!str(k).trim()) throw new ConfigException(`The '${k}' value is invalid: A value is required`);
  }
  const prefix = str('topic.prefix');
  const pw = p.get('database.password');
  return {
    connection: {
      host: str('database.hostname'),
      port: num('database.port'),
      database: str('database.dbname'),
      user: str('database.user'),
      password: pw instanceof Password ? pw.value() : null,
    },
    events: {
      topicPrefix: prefix,
      topicDelimiter: str('topic.delimiter'),
      database: str('database.dbname'),
      tombstonesOnDelete: p.get('tombstones.on.delete') as boolean,
      columnInclude: regexList(p.get('column.include.list') as string[] | null),
      columnExclude: regexList(p.get('column.exclude.list') as string[] | null),
      keyColumns: keyColumnsMap(p.get('message.key.columns') as string | null),
      decimalMode: str('decimal.handling.mode').toLowerCase() as EventSettings['decimalMode'],
      timePrecisionMode: str('time.precision.mode').toLowerCase(),
      binaryMode: str('binary.handling.mode').toLowerCase() as EventSettings['binaryMode'],
      intervalMode: str('interval.handling.mode').toLowerCase() as EventSettings['intervalMode'],
      moneyFractionDigits: num('money.fraction.digits'),
    },
    filters: {
      schemaInclude: regexList(p.get('schema.include.list') as string[] | null),
      schemaExclude: regexList(p.get('schema.exclude.list') as string[] | null),
      tableInclude: regexList(p.get('table.include.list') as string[] | null),
      tableExclude: regexList(p.get('table.exclude.list') as string[] | null),
    },
    pluginName: str('plugin.name').toLowerCase(),
    slotName: str('slot.name'),
    publicationName: str('publication.name'),
    publicationAutocreateMode: str('publication.autocreate.mode').toLowerCase(),
    dropSlotOnStop: p.get('slot.drop.on.stop') as boolean,
    snapshotMode: str('snapshot.mode').toLowerCase(),
    snapshotFetchSize: (p.get('snapshot.fetch.size') as number | null) ?? 10240,
    heartbeatIntervalMs: num('heartbeat.interval.ms'),
    heartbeatTopic: `${str('topic.heartbeat.prefix')}${str('topic.delimiter')}${prefix}`,
    maxBatchSize: num('max.batch.size'),
    maxQueueSize: num('max.queue.size'),
    pollIntervalMs: num('poll.interval.ms'),
    skippedOperations: new Set((p.get('skipped.operations') as string[]).map((s) => s.trim())),
    placeholder: str('unavailable.value.placeholder'),
    slotMaxRetries: num('slot.max.retries'),
    slotRetryDelayMs: num('slot.retry.delay.ms'),
    statusUpdateIntervalMs: num('status.update.interval.ms'),
    maxRetries: num('errors.max.retries'),
    retriableRestartWaitMs: num('retriable.restart.connector.wait.ms'),
    provideTransactionMetadata: p.get('provide.transaction.metadata') as boolean,
    transactionTopic: `${prefix}${str('topic.delimiter')}${str('topic.transaction')}`,
  };
}
