/**
 * The connector plugin API: org.apache.kafka.connect.connector.* / source.* / sink.* in TypeScript.
 *
 * Lifecycle (the worker drives it; plugins never call these on themselves):
 *   Connector: new → initialize(context) → start(props) → taskClass()/taskConfigs(maxTasks) (any number of times)
 *              → stop(). A stopped instance is never restarted; a restart creates a new instance.
 *   Task:      new → initialize(context) → start(props) → poll()/put() repeatedly → stop().
 *
 * Ownership: the `props` maps handed to start()/taskConfigs are copies the plugin may keep but must not
 * expect to be re-read by the framework; records returned from poll() belong to the framework once
 * returned (do not mutate them afterwards); records passed to put() belong to the task only for the
 * duration of the call.
 */
import type { ConfigDef } from '../config/config-def';
import type { SinkRecord, SourceRecord } from './records';

export type ConnectorProps = Record<string, string>;
/** A source partition or offset map: string keys, primitive values (int64 values are bigint). */
export type OffsetMap = Record<string, unknown>;

/** A Kafka topic partition, as used by sink tasks and sink offsets. */
export interface TopicPartition {
  topic: string;
  partition: number;
}

/** org.apache.kafka.connect.connector.ConnectorContext. */
export interface ConnectorContext {
  /** Ask the framework to call taskConfigs() again (e.g. the set of inputs changed). */
  requestTaskReconfiguration(): void;
  /** Fail the connector from a background thread of the plugin; status becomes FAILED with this trace. */
  raiseError(error: Error): void;
}

export type TaskClass = new () => Task;

export abstract class Connector {
  protected context: ConnectorContext | null = null;

  /** Called once by the framework before start(). */
  initialize(context: ConnectorContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorProps): void | Promise<void>;
  abstract taskClass(): TaskClass;
  /** At most `maxTasks` configs; each becomes one task's start() props. */
  abstract taskConfigs(maxTasks: number): ConnectorProps[];
  abstract stop(): void | Promise<void>;
  /** The plugin's own ConfigDef; drives validation and GET /connector-plugins/{p}/config. */
  abstract config(): ConfigDef;
}

/** org.apache.kafka.connect.source.SourceConnector. */
export abstract class SourceConnector extends Connector {
  /**
   * Called (on a fresh, unstarted instance) before the framework alters or resets offsets of a STOPPED
   * connector. `offsets` maps partition → offset (null = reset). Throw to reject the request;
   * return true if the connector also updated offsets it manages externally.
   */
  alterOffsets(
    _connectorConfig: ConnectorProps,
    _offsets: Map<OffsetMap, OffsetMap | null>,
  ): boolean | Promise<boolean> {
    return false;
  }
}

/** org.apache.kafka.connect.sink.SinkConnector. */
export abstract class SinkConnector extends Connector {
  /** As SourceConnector.alterOffsets, for consumer offsets (null = reset). */
  alterOffsets(
    _connectorConfig: ConnectorProps,
    _offsets: Map<TopicPartition, bigint | null>,
  ): boolean | Promise<boolean> {
    return false;
  }
}

export abstract class Task {
  abstract version(): string;
  abstract start(props: ConnectorProps): void | Promise<void>;
  /** Called once; after it the framework calls no other method. */
  abstract stop(): void | Promise<void>;
}

/** OffsetStorageReader: the committed offsets of this connector's source partitions. */
export interface OffsetStorageReader {
  offset(partition: OffsetMap): OffsetMap | null;
  offsets(partitions: OffsetMap[]): Map<OffsetMap, OffsetMap | null>;
}

export interface SourceTaskContext {
  configs(): ConnectorProps;
  offsetStorageReader(): OffsetStorageReader;
}

/** What the producer acknowledged for one record (RecordMetadata). */
export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: bigint;
}

export abstract class SourceTask extends Task {
  protected context: SourceTaskContext | null = null;

  initialize(context: SourceTaskContext): void {
    this.context = context;
  }

  /**
   * Return the next batch, or null/[] when there is nothing now. May wait a little (it is awaited),
   * but must return soon after stop() so the framework can shut the task down.
   */
  abstract poll(): Promise<SourceRecord[] | null> | SourceRecord[] | null;

  /** The framework committed offsets of everything acknowledged so far. */
  commit(): void | Promise<void> {}

  /** One record was acknowledged by the broker (metadata null when it was filtered by a transform). */
  commitRecord(_record: SourceRecord, _metadata: RecordMetadata | null): void | Promise<void> {}
}

export interface SinkTaskContext {
  configs(): ConnectorProps;
  assignment(): TopicPartition[];
  /** Rewind/advance consumption of these partitions (applied before the next put()). */
  offset(offsets: Map<TopicPartition, bigint>): void;
  pause(...partitions: TopicPartition[]): void;
  resume(...partitions: TopicPartition[]): void;
  /** Ask for an offset commit as soon as possible. */
  requestCommit(): void;
  /**
   * SinkTaskContext.timeout(ms): the next consumer poll waits at most this long (then put() is called,
   * with an empty batch when nothing arrived), e.g. the backoff before a RetriableException's batch
   * is put again. It applies to one poll.
   */
  timeout(timeoutMs: number): void;
  /**
   * SinkTaskContext.errantRecordReporter(): null unless the connector has a DLQ topic or
   * errors.log.enable. report() goes through the task's tolerance/DLQ machinery (stage TASK_PUT);
   * it throws when errors.tolerance is exceeded and resolves once the report is written.
   */
  errantRecordReporter?(): ErrantRecordReporter | null;
}

/** org.apache.kafka.connect.sink.ErrantRecordReporter. */
export interface ErrantRecordReporter {
  report(record: SinkRecord, error: unknown): Promise<void>;
}

/** Offsets handed to flush/preCommit: the next offset to consume, per partition. */
export type SinkOffsets = Map<string, { tp: TopicPartition; offset: bigint }>;

export abstract class SinkTask extends Task {
  protected context: SinkTaskContext | null = null;

  initialize(context: SinkTaskContext): void {
    this.context = context;
  }

  /** Deliver a batch. Throwing RetriableException asks the framework to redeliver the same batch. */
  abstract put(records: SinkRecord[]): void | Promise<void>;

  /** Make everything put() so far durable; called before consumer offsets are committed. */
  flush(_currentOffsets: SinkOffsets): void | Promise<void> {}

  /** Returns the offsets safe to commit; default flushes and returns them unchanged. */
  async preCommit(currentOffsets: SinkOffsets): Promise<SinkOffsets> {
    await this.flush(currentOffsets);
    return currentOffsets;
  }

  open(_partitions: TopicPartition[]): void | Promise<void> {}
  close(_partitions: TopicPartition[]): void | Promise<void> {}
}

export function isSourceConnector(c: Connector): c is SourceConnector {
  return c instanceof SourceConnector;
}

export function isSinkConnector(c: Connector): c is SinkConnector {
  return c instanceof SinkConnector;
}
