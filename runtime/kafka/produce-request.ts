/**
 * The Produce request (v3, which kafkajs 2.2.4's v4–v7 reuse) encoded into one exact-size buffer:
 * kafkajs builds it from nested growing Encoders (zero-filled doublings from 512 bytes, and each
 * level copies the level below: a record's bytes were copied ~7 times) and a Buffer per record.
 * Here the records are measured first, then written once, in place, and the batch CRC is taken over
 * the bytes in place. Same bytes as kafkajs (test/unit/kafka-produce-request.test.ts); compressed
 * batches still go through kafkajs's own RecordBatch. The runtime's bundle swaps kafkajs's
 * protocol/requests/produce/v3/request.js and protocol/request.js for these (esbuild.mjs).
 */
import { crc32c } from './crc32c';
import { measureRecord, writeRecord } from './record-encoder';
import type { MeasuredRecord, RecordInput } from './record-encoder';

interface Long {
  getHighBits(): number;
  getLowBits(): number;
}
interface LongStatic {
  fromValue(v: unknown): Long;
  fromInt(v: number): Long;
}
/** What kafkajs's code needs of an encoded request: the bytes (`buffer`), `buf`, and `size()`. */
export interface EncodedRequest {
  readonly buf: Buffer;
  readonly buffer: Buffer;
  size(): number;
}
interface KafkajsEncoder extends EncodedRequest {
  writeInt16(v: number): KafkajsEncoder;
  writeInt32(v: number): KafkajsEncoder;
  writeString(v: string | null): KafkajsEncoder;
  writeArray(v: unknown[]): KafkajsEncoder;
  writeEncoder(v: EncodedRequest): KafkajsEncoder;
}

const lazy = <T>(load: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= load());
};
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs' internal protocol modules, CommonJS */
const LongClass = lazy(() => require('kafkajs/src/utils/long') as LongStatic);
const EncoderClass = lazy(() => require('kafkajs/src/protocol/encoder') as new () => KafkajsEncoder);
const RecordBatch = lazy(
  () =>
    (
      require('kafkajs/src/protocol/recordBatch/v0') as {
        RecordBatch: (o: object) => Promise<KafkajsEncoder>;
      }
    ).RecordBatch,
);
const Record = lazy(
  () => require('kafkajs/src/protocol/recordBatch/record/v0') as (r: RecordInput) => unknown,
);
/* eslint-enable @typescript-eslint/no-require-imports */

/** A fixed-size encoded request, usable wherever kafkajs expects an Encoder. */
class Encoded implements EncodedRequest {
  /**
   * `headroom`: free bytes in `buf` before the encoded bytes, where encodeRequest writes the frame
   * header in place (no copy of a large body).
   */
  constructor(
    readonly buf: Buffer,
    readonly headroom = 0,
  ) {}
  get buffer(): Buffer {
    return this.headroom === 0 ? this.buf : this.buf.subarray(this.headroom);
  }
  size(): number {
    return this.buf.length - this.headroom;
  }
}

/** Frame header bytes before a body: size, api key, api version, correlation id, client id. */
const frameHeaderBytes = (clientIdBytes: number): number => 4 + 2 + 2 + 4 + 2 + clientIdBytes;
/** Headroom a Produce body is encoded with: the frame header of a client id of up to 249 bytes. */
const PRODUCE_HEADROOM = frameHeaderBytes(249);

export interface ProduceMessage extends Pick<RecordInput, 'key' | 'value' | 'headers'> {
  timestamp?: number | string | null;
}
export interface ProducePartitionData {
  partition: number;
  firstSequence?: number;
  messages: ProduceMessage[];
}
export interface ProduceRequestOptions {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  producerId?: unknown;
  producerEpoch?: number;
  compression?: number;
  topicData: { topic: string; partitions: ProducePartitionData[] }[];
}

/** RecordBatch v2 header bytes before the records: base offset through the record count. */
const BATCH_HEADER = 61;

interface PreparedPartition {
  partition: number;
  firstSequence: number;
  firstTimestamp: number | string;
  maxTimestamp: number | string;
  records: MeasuredRecord[];
  recordBytes: number;
}

/** First and max timestamp of a batch as kafkajs derives them (its sort has no comparator: as strings). */
function batchTimestamps(
  messages: ProduceMessage[],
  dateNow: number,
): { firstTimestamp: number | string; maxTimestamp: number | string } {
  const stamps: (number | string)[] = [];
  for (const m of messages) if (m.timestamp != null) stamps.push(m.timestamp);
  stamps.sort();
  return stamps.length === 0
    ? { firstTimestamp: dateNow, maxTimestamp: dateNow }
    : { firstTimestamp: stamps[0], maxTimestamp: stamps[stamps.length - 1] };
}

/** kafkajs: `(message.timestamp || dateNow) - firstTimestamp`, JavaScript's coercions included. */
const timestampDelta = (m: ProduceMessage, dateNow: number, first: number | string): number =>
  ((m.timestamp || dateNow) as number) - (first as number);

function preparePartition(p: ProducePartitionData): PreparedPartition {
  const dateNow = Date.now();
  const { messages } = p;
  const { firstTimestamp, maxTimestamp } = batchTimestamps(messages, dateNow);
  const records = new Array<MeasuredRecord>(messages.length);
  let recordBytes = 0;
  for (let i = 0; i < messages.length; i++) {
    const r = measureRecord(messages[i], i, timestampDelta(messages[i], dateNow, firstTimestamp));
    records[i] = r;
    recordBytes += r.size;
  }
  return {
    partition: p.partition,
    firstSequence: p.firstSequence ?? 0,
    firstTimestamp,
    maxTimestamp,
    records,
    recordBytes,
  };
}

function writeInt64(buf: Buffer, at: number, v: Long): number {
  buf.writeInt32BE(v.getHighBits(), at);
  buf.writeInt32BE(v.getLowBits(), at + 4);
  return at + 8;
}

function encodeUncompressed(o: ProduceRequestOptions): EncodedRequest {
  const Long = LongClass();
  const transactionalId = o.transactionalId ?? null;
  const producerId = Long.fromValue(o.producerId ?? Long.fromInt(-1));
  const producerEpoch = o.producerEpoch ?? 0;
  const attributes = transactionalId ? 16 : 0;
  let size = 2 + (transactionalId === null ? 0 : Buffer.byteLength(transactionalId)) + 2 + 4 + 4;
  const topics = o.topicData.map(({ topic, partitions }) => {
    const prepared = partitions.map(preparePartition);
    size += 2 + Buffer.byteLength(topic) + 4;
    for (const p of prepared) size += 8 + BATCH_HEADER + p.recordBytes;
    return { topic, prepared };
  });
  const buf = Buffer.allocUnsafe(PRODUCE_HEADROOM + size);
  let at = PRODUCE_HEADROOM;
  if (transactionalId === null) at = buf.writeInt16BE(-1, at);
  else {
    at = buf.writeInt16BE(Buffer.byteLength(transactionalId), at);
    at += buf.write(transactionalId, at, 'utf8');
  }
  at = buf.writeInt16BE(o.acks, at);
  at = buf.writeInt32BE(o.timeout, at);
  at = buf.writeInt32BE(topics.length, at);
  for (const { topic, prepared } of topics) {
    at = buf.writeInt16BE(Buffer.byteLength(topic), at);
    at += buf.write(topic, at, 'utf8');
    at = buf.writeInt32BE(prepared.length, at);
    for (const p of prepared) {
      const batchSize = BATCH_HEADER + p.recordBytes;
      at = buf.writeInt32BE(p.partition, at);
      at = buf.writeInt32BE(batchSize, at);
      at = writeInt64(buf, at, Long.fromInt(0)); // base offset
      at = buf.writeInt32BE(batchSize - 12, at); // batch length: what follows this field
      at = buf.writeInt32BE(0, at); // partition leader epoch
      at = buf.writeInt8(2, at); // magic
      const crcAt = at;
      at += 4;
      const bodyAt = at;
      at = buf.writeInt16BE(attributes, at);
      at = buf.writeInt32BE(p.records.length - 1, at); // last offset delta
      at = writeInt64(buf, at, Long.fromValue(p.firstTimestamp));
      at = writeInt64(buf, at, Long.fromValue(p.maxTimestamp));
      at = writeInt64(buf, at, producerId);
      at = buf.writeInt16BE(producerEpoch, at);
      at = buf.writeInt32BE(p.firstSequence, at);
      at = buf.writeInt32BE(p.records.length, at);
      for (const r of p.records) at = writeRecord(buf, at, r);
      buf.writeUInt32BE(crc32c(buf.subarray(bodyAt, at)), crcAt);
    }
  }
  if (at !== PRODUCE_HEADROOM + size)
    throw new Error(`Produce request: wrote ${at - PRODUCE_HEADROOM} of ${size} bytes`);
  return new Encoded(buf, PRODUCE_HEADROOM);
}

/** Compressed batches: kafkajs's own record and batch encoders (the path kafkajs takes for them). */
async function encodeCompressed(o: ProduceRequestOptions): Promise<EncodedRequest> {
  const Encoder = EncoderClass();
  const Long = LongClass();
  const transactionalId = o.transactionalId ?? null;
  const topics: KafkajsEncoder[] = [];
  for (const { topic, partitions } of o.topicData) {
    const encoded: KafkajsEncoder[] = [];
    for (const p of partitions) {
      const dateNow = Date.now();
      const { firstTimestamp, maxTimestamp } = batchTimestamps(p.messages, dateNow);
      const records = p.messages.map((m, i) =>
        Record()({
          ...m,
          offsetDelta: i,
          timestampDelta: timestampDelta(m, dateNow, firstTimestamp),
        }),
      );
      const batch = await RecordBatch()({
        compression: o.compression,
        records,
        firstTimestamp,
        maxTimestamp,
        producerId: o.producerId ?? Long.fromInt(-1),
        producerEpoch: o.producerEpoch ?? 0,
        firstSequence: p.firstSequence,
        transactional: !!transactionalId,
        lastOffsetDelta: records.length - 1,
      });
      encoded.push(new Encoder().writeInt32(p.partition).writeInt32(batch.size()).writeEncoder(batch));
    }
    topics.push(new Encoder().writeString(topic).writeArray(encoded));
  }
  return new Encoder()
    .writeString(transactionalId)
    .writeInt16(o.acks)
    .writeInt32(o.timeout)
    .writeArray(topics);
}

/** kafkajs's produce v3 request module: same shape, one-buffer encoding when uncompressed. */
export function produceRequestV3(o: ProduceRequestOptions): {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  expectResponse: () => boolean;
  encode: () => Promise<EncodedRequest>;
} {
  return {
    apiKey: 0,
    apiVersion: 3,
    apiName: 'Produce',
    expectResponse: () => o.acks !== 0,
    encode: async () => ((o.compression ?? 0) === 0 ? encodeUncompressed(o) : encodeCompressed(o)),
  };
}

/**
 * kafkajs's protocol/request.js: size, api key and version, correlation id, client id, then the
 * request body, in one exact-size buffer (kafkajs copies the body twice through growing Encoders).
 */
export async function encodeRequest({
  correlationId,
  clientId,
  request: { apiKey, apiVersion, encode },
}: {
  correlationId: number;
  clientId: string | null;
  request: { apiKey: number; apiVersion: number; encode: () => Promise<EncodedRequest> };
}): Promise<EncodedRequest> {
  const encoded = await encode();
  const body = encoded.buffer;
  const idBytes = clientId == null ? 0 : Buffer.byteLength(clientId);
  const header = frameHeaderBytes(idBytes);
  const size = header - 4 + body.length;
  // a body encoded with room before it (Produce) gets its header written there: no copy
  const room = encoded instanceof Encoded ? encoded.headroom : 0;
  const inPlace = room >= header;
  const buf = inPlace ? encoded.buf.subarray(room - header) : Buffer.allocUnsafe(header + body.length);
  let at = buf.writeInt32BE(size, 0);
  at = buf.writeInt16BE(apiKey, at);
  at = buf.writeInt16BE(apiVersion, at);
  at = buf.writeInt32BE(correlationId, at);
  if (clientId == null) at = buf.writeInt16BE(-1, at);
  else {
    at = buf.writeInt16BE(idBytes, at);
    at += buf.write(clientId, at, 'utf8');
  }
  if (!inPlace) body.copy(buf, at);
  return new Encoded(buf);
}
