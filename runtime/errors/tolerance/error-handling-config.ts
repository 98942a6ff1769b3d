import { javaToString } from '../../config/java-compat';
import { parseToleranceType } from './tolerance-type';
import type { ToleranceType } from './tolerance-type';

/** The errors.* settings of a connector config, parsed with Connect's defaults (ConnectorConfig / SinkConnectorConfig). */
export interface ErrorHandlingConfig {
  retryTimeoutMs: number;
  maxDelayMs: number;
  tolerance: ToleranceType;
  enableErrorLog: boolean;
  includeRecordDetailsInErrorLog: boolean;
  dlqTopicName: string;
  dlqTopicReplicationFactor: number;
  isDlqContextHeadersEnabled: boolean;
}

function num(v: unknown, d: number): number {
  if (v === null || v === undefined || v === '') return d;
  const n = typeof v === 'bigint' ? Number(v) : Number(javaToString(v).trim());
  return Number.isFinite(n) ? n : d;
}

function bool(v: unknown, d: boolean): boolean {
  if (v === null || v === undefined) return d;
  if (typeof v === 'boolean') return v;
  return javaToString(v).trim().toLowerCase() === 'true';
}

/** Reads the (already validated) connector config map; values may be strings or parsed values. */
export function errorHandlingConfig(cfg: Readonly<Record<string, unknown>>): ErrorHandlingConfig {
  return {
    retryTimeoutMs: num(cfg['errors.retry.timeout'], 0),
    maxDelayMs: num(cfg['errors.retry.delay.max.ms'], 60000),
    tolerance: parseToleranceType(
      cfg['errors.tolerance'] === undefined ? null : javaToString(cfg['errors.tolerance']),
    ),
    enableErrorLog: bool(cfg['errors.log.enable'], false),
    includeRecordDetailsInErrorLog: bool(cfg['errors.log.include.messages'], false),
    dlqTopicName: javaToString(cfg['errors.deadletterqueue.topic.name'] ?? '').trim(),
    dlqTopicReplicationFactor: num(cfg['errors.deadletterqueue.topic.replication.factor'], 3),
    isDlqContextHeadersEnabled: bool(cfg['errors.deadletterqueue.context.headers.enable'], false),
  };
}
