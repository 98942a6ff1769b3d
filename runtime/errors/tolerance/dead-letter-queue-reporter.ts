import { ConnectException } from '../../data/errors';
import { javaClassNameOf } from '../../data/errors';
import type { ConnectorTaskId } from './connector-task-id';
import type { ConsumedRecord } from './consumed-record';
import { NO_TIMESTAMP } from './consumed-record';
import type { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import type { ProcessingContext } from './processing-context';
import { kafkajsHeaderValue } from './null-header';
import { javaMessage, printStackTrace } from './stack-trace';

export const HEADER_PREFIX = '__connect.errors.';
export const ERROR_HEADER_ORIG_TOPIC = `${HEADER_PREFIX}topic`;
export const ERROR_HEADER_ORIG_PARTITION = `${HEADER_PREFIX}partition`;
export const ERROR_HEADER_ORIG_OFFSET = `${HEADER_PREFIX}offset`;
export const ERROR_HEADER_CONNECTOR_NAME = `${HEADER_PREFIX}connector.name`;
export const ERROR_HEADER_TASK_ID = `${HEADER_PREFIX}task.id`;
export const ERROR_HEADER_STAGE = `${HEADER_PREFIX}stage`;
export const ERROR_HEADER_EXECUTING_CLASS = `${HEADER_PREFIX}class.name`;
export const ERROR_HEADER_EXCEPTION = `${HEADER_PREFIX}exception.class.name`;
export const ERROR_HEADER_EXCEPTION_MESSAGE = `${HEADER_PREFIX}exception.message`;
export const ERROR_HEADER_EXCEPTION_STACK_TRACE = `${HEADER_PREFIX}exception.stacktrace`;

/** DeadLetterQueueReporter.DLQ_NUM_DESIRED_PARTITIONS. */
export const DLQ_NUM_DESIRED_PARTITIONS = 1;

/** The record the DLQ reporter produces (Java: ProducerRecord<byte[], byte[]> with partition null). */
export interface DlqProducerRecord {
  topic: string;
  partition: null;
  /** Omitted when the original had no timestamp (the producer then stamps it). */
  timestamp?: number;
  key: Buffer | null;
  value: Buffer | null;
  /** In order; keys may repeat; a null value is a header with no bytes. */
  headers: { key: string; value: Buffer | null }[];
}

/**
 * The producer the reporter writes with (Java: KafkaProducer<byte[], byte[]>). send() resolves when
 * the broker acknowledged. `kafkajsDlqProducer` adapts a kafkajs Producer.
 */
export interface DlqProducer {
  send(record: DlqProducerRecord): Promise<void>;
  close(): Promise<void> | void;
}

/** What createAndSetup needs from an admin client; a kafkajs Admin satisfies it. */
export interface DlqAdmin {
  listTopics(): Promise<string[]>;
  describeCluster(): Promise<{ brokers: readonly unknown[] }>;
  createTopics(options: {
    topics: { topic: string; numPartitions: number; replicationFactor: number }[];
    waitForLeaders?: boolean;
  }): Promise<boolean>;
}

export interface DlqConfig {
  /** errors.deadletterqueue.topic.name (trimmed here, as Java does). */
  dlqTopicName: string;
  /** errors.deadletterqueue.topic.replication.factor */
  dlqTopicReplicationFactor: number;
  /** errors.deadletterqueue.context.headers.enable */
  isDlqContextHeadersEnabled: boolean;
}

/**
 * org.apache.kafka.connect.runtime.errors.DeadLetterQueueReporter (sink connectors only): writes the
 * ORIGINAL consumed bytes (key, value, headers, timestamp) to the DLQ topic, plus the
 * `__connect.errors.*` context headers when enabled.
 */
export class DeadLetterQueueReporter implements ErrorReporter<ConsumedRecord> {
  readonly dlqTopicName: string;

  constructor(
    private readonly producer: DlqProducer,
    private readonly config: DlqConfig,
    private readonly id: ConnectorTaskId,
    private readonly metrics: ErrorHandlingMetrics,
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.dlqTopicName = config.dlqTopicName.trim();
  }

  /**
   * DeadLetterQueueReporter.createAndSetup: creates the DLQ topic (1 partition) when missing. The
   * replication factor is capped to the number of live brokers (a dev cluster has one), where Java
   * would fail the task; the cap is logged.
   */
  static async createAndSetup(
    admin: DlqAdmin,
    id: ConnectorTaskId,
    config: DlqConfig,
    producer: DlqProducer,
    metrics: ErrorHandlingMetrics,
    log: (message: string, error?: unknown) => void = () => {},
  ): Promise<DeadLetterQueueReporter> {
    const topic = config.dlqTopicName.trim();
    try {
      const topics = await admin.listTopics();
      if (!topics.includes(topic)) {
        log(`Topic ${topic} doesn't exist. Will attempt to create topic.`);
        const brokers = (await admin.describeCluster()).brokers.length;
        const replicationFactor = Math.max(1, Math.min(config.dlqTopicReplicationFactor, brokers));
        if (replicationFactor !== config.dlqTopicReplicationFactor)
          log(
            `Capping replication factor of dead letter queue topic ${topic} from ${config.dlqTopicReplicationFactor} to ${replicationFactor} (brokers available).`,
          );
        try {
          await admin.createTopics({
            topics: [{ topic, numPartitions: DLQ_NUM_DESIRED_PARTITIONS, replicationFactor }],
            waitForLeaders: true,
          });
        } catch (e) {
          if (!isTopicExists(e)) throw e;
        }
      }
    } catch (e) {
      throw new ConnectException(`Could not initialize dead letter queue with topic=${topic}`, { cause: e });
    }
    return new DeadLetterQueueReporter(producer, config, id, metrics, log);
  }

  async report(context: ProcessingContext<ConsumedRecord>): Promise<void> {
    if (this.dlqTopicName.length === 0) return;
    this.metrics.recordDeadLetterQueueProduceRequest();
    const original = context.original as ConsumedRecord | null;
    if (original === null || original === undefined) {
      this.metrics.recordDeadLetterQueueProduceFailed();
      return;
    }
    const record = this.dlqRecord(context, original);
    try {
      await this.producer.send(record);
    } catch (e) {
      this.log(`Could not produce message to dead letter queue. topic=${this.dlqTopicName}`, e);
      this.metrics.recordDeadLetterQueueProduceFailed();
    }
  }

  /** The ProducerRecord Java builds (exposed for tests). */
  dlqRecord(context: ProcessingContext<ConsumedRecord>, original: ConsumedRecord): DlqProducerRecord {
    const record: DlqProducerRecord = {
      topic: this.dlqTopicName,
      partition: null,
      key: original.key,
      value: original.value,
      headers: original.headers.map((h) => ({ key: h.key, value: h.value })),
    };
    if (original.timestamp !== NO_TIMESTAMP) record.timestamp = original.timestamp;
    if (this.config.isDlqContextHeadersEnabled) this.populateContextHeaders(record, context);
    return record;
  }

  populateContextHeaders(record: DlqProducerRecord, context: ProcessingContext<ConsumedRecord>): void {
    const add = (key: string, value: string | null): void => {
      record.headers.push({ key, value: value === null ? null : Buffer.from(value, 'utf8') });
    };
    const original = context.original as ConsumedRecord | null;
    if (original !== null && original !== undefined) {
      add(ERROR_HEADER_ORIG_TOPIC, original.topic);
      add(ERROR_HEADER_ORIG_PARTITION, String(original.partition));
      add(ERROR_HEADER_ORIG_OFFSET, String(original.offset));
    }
    add(ERROR_HEADER_CONNECTOR_NAME, this.id.connector);
    add(ERROR_HEADER_TASK_ID, String(this.id.task));
    add(ERROR_HEADER_STAGE, context.stage ?? 'null');
    add(ERROR_HEADER_EXECUTING_CLASS, context.executingClass ?? 'null');
    if (context.error !== null && context.error !== undefined) {
      add(ERROR_HEADER_EXCEPTION, javaClassNameOf(context.error));
      add(ERROR_HEADER_EXCEPTION_MESSAGE, javaMessage(context.error));
      add(ERROR_HEADER_EXCEPTION_STACK_TRACE, printStackTrace(context.error));
    }
  }

  async close(): Promise<void> {
    await this.producer.close();
  }
}

function isTopicExists(e: unknown): boolean {
  const type = (e as { type?: unknown } | null)?.type;
  const errors = (e as { errors?: { type?: unknown }[] } | null)?.errors;
  return (
    type === 'TOPIC_ALREADY_EXISTS' ||
    (Array.isArray(errors) && errors.some((x) => x.type === 'TOPIC_ALREADY_EXISTS'))
  );
}

/** Minimal shape of a kafkajs Producer used by the adapter. */
export interface KafkajsLikeProducer {
  send(record: {
    topic: string;
    messages: {
      key: Buffer | null;
      value: Buffer | null;
      timestamp?: string;
      headers?: Record<string, Buffer | (Buffer | string)[] | string | undefined>;
    }[];
  }): Promise<unknown>;
  disconnect(): Promise<void>;
}

/**
 * Adapts a connected kafkajs Producer. kafkajs headers are an object: repeated keys become an array
 * (kafkajs writes them as separate headers, in order); a null header value is written as a null
 * header (wire length -1, as KafkaProducer does) through the marker of null-header.ts.
 */
export function kafkajsDlqProducer(producer: KafkajsLikeProducer): DlqProducer {
  // KafkaProducer keeps send order per partition; concurrent kafkajs send() calls may not, so sends
  // are chained: the DLQ holds the poison records in the order they were reported.
  let tail: Promise<unknown> = Promise.resolve();
  const sendOne = async (record: DlqProducerRecord): Promise<void> => {
    const headers: Record<string, Buffer | Buffer[]> = {};
    for (const h of record.headers) {
      const v = kafkajsHeaderValue(h.value);
      const existing = headers[h.key];
      if (existing === undefined) headers[h.key] = v;
      else headers[h.key] = Array.isArray(existing) ? [...existing, v] : [existing, v];
    }
    await producer.send({
      topic: record.topic,
      messages: [
        {
          key: record.key,
          value: record.value,
          ...(record.timestamp !== undefined ? { timestamp: String(record.timestamp) } : {}),
          headers,
        },
      ],
    });
  };
  return {
    send(record: DlqProducerRecord): Promise<void> {
      const sent = tail.then(() => sendOne(record));
      tail = sent.catch(() => undefined);
      return sent;
    },
    async close(): Promise<void> {
      await tail;
      await producer.disconnect();
    },
  };
}
