/**
 * WorkerErrantRecordReporter: what SinkTaskContext.errantRecordReporter() hands a sink task. A
 * reported record goes through the task's RetryWithToleranceOperator at stage TASK_PUT (class
 * org.apache.kafka.connect.sink.SinkTask), so errors.tolerance, the DLQ and errors.log.enable apply
 * exactly as for converter failures. A record the worker delivered (InternalSinkRecord, also after
 * the task's newRecord()) is reported with the bytes, headers, topic, partition, offset and timestamp
 * it was consumed with (pre-transformation); any other SinkRecord the task builds is serialized with
 * the task's converters, under its own topic/partition/offset (WorkerErrantRecordReporter.report).
 */
import type { ErrantRecordReporter } from '../api/connector';
import type { SinkRecord } from '../api/records';
import type { Converter, HeaderConverter } from '../converters/converter';
import { NO_TIMESTAMP, ProcessingContext } from '../errors/tolerance/index';
import type { ConsumedRecord, RawHeader, RetryWithToleranceOperator } from '../errors/tolerance/index';
import { InternalSinkRecord } from './internal-sink-record';

/** SinkConnectorConfig.enableErrantRecordReporter(): a DLQ topic or errors.log.enable=true. */
export function errantRecordReporterEnabled(config: Readonly<Record<string, string>>): boolean {
  return (
    (config['errors.deadletterqueue.topic.name'] ?? '').trim() !== '' ||
    config['errors.log.enable'] === 'true'
  );
}

export function workerErrantRecordReporter(
  operator: RetryWithToleranceOperator<ConsumedRecord>,
  converters: { key: Converter; value: Converter; header: HeaderConverter },
): ErrantRecordReporter {
  return {
    report(record: SinkRecord, error: unknown): Promise<void> {
      if (record instanceof InternalSinkRecord) {
        const ctx = new ProcessingContext<ConsumedRecord>(record.originalRecord);
        return operator.executeFailed(ctx, 'TASK_PUT', 'org.apache.kafka.connect.sink.SinkTask', error);
      }
      const topic = record.topic;
      const headers: RawHeader[] = [];
      for (const h of record.headers) {
        headers.push({
          key: h.key,
          value: converters.header.fromConnectHeader(topic, h.key, h.schema, h.value),
        });
      }
      const consumed: ConsumedRecord = {
        topic,
        partition: record.kafkaPartition ?? 0,
        offset: BigInt(record.kafkaOffset),
        timestamp: record.timestamp ?? NO_TIMESTAMP,
        timestampType: record.timestamp === null ? 'NO_TIMESTAMP_TYPE' : record.timestampType,
        key: converters.key.fromConnectData(topic, record.headers, record.keySchema, record.key),
        value: converters.value.fromConnectData(topic, record.headers, record.valueSchema, record.value),
        headers,
      };
      const ctx = new ProcessingContext<ConsumedRecord>(consumed);
      return operator.executeFailed(ctx, 'TASK_PUT', 'org.apache.kafka.connect.sink.SinkTask', error);
    },
  };
}
