/**
 * provide.transaction.metadata (Debezium's TransactionMonitor for PostgreSQL): a BEGIN and an END
 * record per transaction on `<prefix>.transaction`, and the `transaction` block (event.block) of
 * every change event. PostgreSQL transaction ids are "<txId>:<LSN>", the LSN being the one last
 * seen when the record is made (PostgresTransactionMonitor): BEGIN's, the event's, the commit's.
 */
import { SourceRecord } from '../../api/records';
import { Schema } from '../../data/schema';
import { SchemaBuilder } from '../../data/schema-builder';
import { Struct } from '../../data/struct';
import { TRANSACTION_BLOCK_SCHEMA } from './debezium-types';

export const TRANSACTION_KEY_SCHEMA = SchemaBuilder.struct()
  .name('io.debezium.connector.common.TransactionMetadataKey')
  .version(1)
  .field('id', Schema.STRING_SCHEMA)
  .build();

export const EVENT_COLLECTION_SCHEMA = SchemaBuilder.struct()
  .optional()
  .name('event.collection')
  .version(1)
  .field('data_collection', Schema.STRING_SCHEMA)
  .field('event_count', Schema.INT64_SCHEMA)
  .build();

export const TRANSACTION_VALUE_SCHEMA = SchemaBuilder.struct()
  .name('io.debezium.connector.common.TransactionMetadataValue')
  .version(1)
  .field('status', Schema.STRING_SCHEMA)
  .field('id', Schema.STRING_SCHEMA)
  .field('event_count', Schema.OPTIONAL_INT64_SCHEMA)
  .field('data_collections', SchemaBuilder.array(EVENT_COLLECTION_SCHEMA).optional().build())
  .field('ts_ms', Schema.INT64_SCHEMA)
  .build();

/** One open transaction's counters. */
export class TransactionMetadata {
  private total = 0n;
  /** data collection → events, in the order first seen */
  private readonly perCollection = new Map<string, bigint>();

  constructor(
    readonly xid: bigint,
    /** commit time, ms since the epoch */
    private readonly tsMs: bigint,
    private readonly topic: string,
    private readonly partition: Record<string, string>,
  ) {}

  private id(lsn: bigint): string {
    return `${this.xid}:${lsn}`;
  }

  private record(lsn: bigint, offset: Record<string, unknown>, value: Struct): SourceRecord {
    const key = new Struct(TRANSACTION_KEY_SCHEMA).put('id', this.id(lsn));
    return new SourceRecord(
      this.partition,
      offset,
      this.topic,
      null,
      TRANSACTION_KEY_SCHEMA,
      key,
      TRANSACTION_VALUE_SCHEMA,
      value,
    );
  }

  begin(lsn: bigint, offset: Record<string, unknown>): SourceRecord {
    const value = new Struct(TRANSACTION_VALUE_SCHEMA)
      .put('status', 'BEGIN')
      .put('id', this.id(lsn))
      .put('ts_ms', this.tsMs);
    return this.record(lsn, offset, value);
  }

  /** Counts one change event and returns its `transaction` block. */
  event(dataCollection: string, lsn: bigint): Struct {
    this.total++;
    const n = (this.perCollection.get(dataCollection) ?? 0n) + 1n;
    this.perCollection.set(dataCollection, n);
    return new Struct(TRANSACTION_BLOCK_SCHEMA)
      .put('id', this.id(lsn))
      .put('total_order', this.total)
      .put('data_collection_order', n);
  }

  end(lsn: bigint, offset: Record<string, unknown>): SourceRecord {
    const collections = [...this.perCollection].map(([name, count]) =>
      new Struct(EVENT_COLLECTION_SCHEMA).put('data_collection', name).put('event_count', count),
    );
    const value = new Struct(TRANSACTION_VALUE_SCHEMA)
      .put('status', 'END')
      .put('id', this.id(lsn))
      .put('event_count', this.total)
      .put('data_collections', collections)
      .put('ts_ms', this.tsMs);
    return this.record(lsn, offset, value);
  }
}
