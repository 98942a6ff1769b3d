/**
 * A Kafka header whose value is null (wire length -1), written through an unmodified kafkajs 2.2.x.
 *
 * kafkajs encodes a record's headers in two passes: it sizes each value with Buffer.byteLength(value)
 * (which throws for null) and then writes it with Encoder.writeVarIntBytes(value), which for a Buffer
 * writes the varint `value.length` followed by `buffer.length` bytes. Java's KafkaProducer writes a null
 * header as the varint -1 and no bytes; Kafka Connect's DeadLetterQueueReporter does that whenever a
 * context value (e.g. an exception message) or an original header value is null.
 *
 * The marker below is an empty Buffer (so Buffer.byteLength sizes it as 0 bytes of payload, one byte of
 * varint, exactly what the varint -1 takes) whose `length` reads -1 for the length prefix and 0 for the
 * copy that follows (its own copy() is a no-op). Reads alternate, one pair per encoding (a retried produce encodes again). Consumers
 * (Java and kafkajs) then decode the header value as null.
 *
 * `nullHeaderValueSupported()` proves it once per process with kafkajs' own record encoder and decoder;
 * when a kafkajs version encodes differently, callers fall back to empty bytes (the old behaviour).
 */
export function nullHeaderValue(): Buffer {
  const marker = Buffer.alloc(0);
  let reads = 0;
  Object.defineProperty(marker, 'length', {
    configurable: false,
    enumerable: false,
    get: () => (reads++ % 2 === 0 ? -1 : 0),
  });
  // Nothing to copy; an own no-op keeps Buffer.prototype.copy from reading `length` a third time.
  Object.defineProperty(marker, 'copy', { enumerable: false, value: () => 0 });
  return marker;
}

let supported: boolean | undefined;

interface KafkajsRecordCodec {
  encode: (record: {
    key: Buffer | null;
    value: Buffer | null;
    headers: Record<string, Buffer | Buffer[]>;
  }) => { buffer: Buffer };
  decode: (buffer: Buffer) => { headers: Record<string, unknown> };
}

function kafkajsRecordCodec(): KafkajsRecordCodec {
  /* eslint-disable @typescript-eslint/no-require-imports -- kafkajs' internal record codec, CommonJS */
  const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as KafkajsRecordCodec['encode'];
  const RecordDecoder = require('kafkajs/src/protocol/recordBatch/record/v0/decoder') as (
    d: unknown,
    batch: { firstOffset: string; firstTimestamp: string },
  ) => { headers: Record<string, unknown> };
  const Decoder = require('kafkajs/src/protocol/decoder') as new (b: Buffer) => {
    readVarInt: () => number;
    readBytes: (n: number) => Buffer;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    encode: (record) => Record(record),
    decode: (buffer) => {
      const outer = new Decoder(buffer);
      const size = outer.readVarInt();
      return RecordDecoder(new Decoder(outer.readBytes(size)), { firstOffset: '0', firstTimestamp: '0' });
    },
  };
}

/** True when this kafkajs writes nullHeaderValue() as a null header (checked once, by a round trip). */
export function nullHeaderValueSupported(codec: () => KafkajsRecordCodec = kafkajsRecordCodec): boolean {
  if (supported !== undefined) return supported;
  try {
    const { encode, decode } = codec();
    const encoded = encode({
      key: Buffer.from('k'),
      value: Buffer.from('v'),
      headers: { a: Buffer.from('x'), n: nullHeaderValue(), z: [nullHeaderValue(), Buffer.from('yz')] },
    }).buffer;
    const again = encode({ key: null, value: null, headers: { n: nullHeaderValue() } }).buffer;
    const h = decode(encoded).headers;
    const z = h['z'] as unknown[];
    supported =
      Buffer.isBuffer(h['a']) &&
      h['a'].toString() === 'x' &&
      h['n'] === null &&
      Array.isArray(z) &&
      z[0] === null &&
      Buffer.isBuffer(z[1]) &&
      z[1].toString() === 'yz' &&
      decode(again).headers['n'] === null;
  } catch {
    supported = false;
  }
  return supported;
}

/** The value to hand kafkajs for a header that is null in Java terms. */
export function kafkajsHeaderValue(value: Buffer | null): Buffer {
  if (value !== null) return value;
  return nullHeaderValueSupported() ? nullHeaderValue() : Buffer.alloc(0);
}
