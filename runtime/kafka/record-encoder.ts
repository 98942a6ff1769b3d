/**
 * One record of a Kafka v2 record batch (length, attributes, timestamp delta, offset delta, key,
 * value, headers), encoded byte for byte as kafkajs 2.2.4's protocol/recordBatch/record/v0 does but
 * into one exact-size buffer: kafkajs allocates a zero-filled 512-byte Encoder per record and a
 * Buffer per varint, which made record encoding and its garbage the largest CPU cost of a source
 * task. The runtime's bundle swaps kafkajs's module for this one (esbuild.mjs); the unit test
 * compares both encoders' bytes.
 */

type Bytes = Buffer | string | null | undefined;

export interface RecordInput {
  offsetDelta?: number;
  timestampDelta?: number | string | bigint;
  key?: Bytes;
  value?: Bytes;
  headers?: Record<string, Bytes | Bytes[]>;
}

/** What kafkajs's RecordBatch needs of a record: its bytes as `buf` and `buffer`. */
export interface EncodedRecord {
  readonly buf: Buffer;
  readonly buffer: Buffer;
}

const zigzag32 = (v: number): number => ((v << 1) ^ (v >> 31)) >>> 0;

function uvarintSize(u: number): number {
  let n = 1;
  while (u > 0x7f) {
    n++;
    u >>>= 7;
  }
  return n;
}

function writeUVarInt(buf: Buffer, at: number, u: number): number {
  while (u > 0x7f) {
    buf[at++] = (u & 0x7f) | 0x80;
    u >>>= 7;
  }
  buf[at++] = u;
  return at;
}

/** ZigZag of a 64-bit value (kafkajs: Long.fromValue, so numbers are truncated, NaN is 0). */
function zigzag64(v: number | string | bigint): bigint {
  const n =
    typeof v === 'bigint'
      ? BigInt.asIntN(64, v)
      : typeof v === 'string'
        ? BigInt.asIntN(64, BigInt(v))
        : Number.isFinite(v)
          ? BigInt(Math.trunc(v))
          : 0n;
  return BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
}

function uvarlongSize(u: bigint): number {
  let n = 1;
  while (u > 0x7fn) {
    n++;
    u >>= 7n;
  }
  return n;
}

function writeUVarLong(buf: Buffer, at: number, u: bigint): number {
  while (u > 0x7fn) {
    buf[at++] = Number(u & 0x7fn) | 0x80;
    u >>= 7n;
  }
  buf[at++] = Number(u);
  return at;
}

/** Small timestamp deltas (the usual case) take the 32-bit path; ZigZag agrees on them. */
const smallInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= -0x40000000 && v < 0x40000000;

export interface Part {
  bytes: Buffer | string | null;
  length: number;
}

function part(value: Bytes | number | boolean): Part {
  if (value === null || value === undefined) return { bytes: null, length: -1 };
  if (Buffer.isBuffer(value)) {
    const length = value.length;
    if (length < 0) {
      // runtime/errors/tolerance/null-header.ts's null-header marker: its `length` reads -1 then 0,
      // one pair per encoding (as kafkajs reads it); the second read keeps the next encoding in step
      void value.length;
      return { bytes: null, length: -1 };
    }
    return { bytes: value, length };
  }
  const s = String(value);
  return { bytes: s, length: Buffer.byteLength(s, 'utf8') };
}

const partSize = (p: Part): number =>
  p.length < 0 ? uvarintSize(zigzag32(-1)) : uvarintSize(zigzag32(p.length)) + p.length;

function writePart(buf: Buffer, at: number, p: Part): number {
  at = writeUVarInt(buf, at, zigzag32(p.length));
  if (p.bytes === null) return at;
  if (typeof p.bytes === 'string') return at + buf.write(p.bytes, at, p.length, 'utf8');
  p.bytes.copy(buf, at);
  return at + p.length;
}

/** A record measured for writing: its parts and its exact encoded size (length field included). */
export interface MeasuredRecord {
  size: number;
  lengthField: number;
  ts32: number;
  ts64: bigint;
  offsetDelta: number;
  key: Part;
  value: Part;
  headers: [Part, Part][];
}

const NO_HEADERS: [Part, Part][] = [];

/** Measures a record (offset and timestamp deltas given apart, so no copy of the message is needed). */
export function measureRecord(
  r: Pick<RecordInput, 'key' | 'value' | 'headers'>,
  offsetDelta: number,
  timestampDelta: number | string | bigint,
): MeasuredRecord {
  let headers = NO_HEADERS;
  if (r.headers) {
    for (const k in r.headers) {
      if (!Object.hasOwn(r.headers, k)) continue;
      if (headers === NO_HEADERS) headers = [];
      const v = r.headers[k];
      if (Array.isArray(v)) for (const one of v) headers.push([part(k), part(one)]);
      else headers.push([part(k), part(v)]);
    }
  }
  const ts32 = smallInt(timestampDelta) ? zigzag32(timestampDelta) : -1;
  const ts64 = ts32 < 0 ? zigzag64(timestampDelta) : 0n;
  const od = zigzag32(offsetDelta);
  const key = part(r.key);
  const value = part(r.value);
  let body =
    1 +
    (ts32 >= 0 ? uvarintSize(ts32) : uvarlongSize(ts64)) +
    uvarintSize(od) +
    partSize(key) +
    partSize(value) +
    uvarintSize(zigzag32(headers.length));
  for (const [hk, hv] of headers) body += partSize(hk) + partSize(hv);
  const lengthField = zigzag32(body);
  return {
    size: uvarintSize(lengthField) + body,
    lengthField,
    ts32,
    ts64,
    offsetDelta: od,
    key,
    value,
    headers,
  };
}

/** Writes a measured record at `at`; returns the position after it. */
export function writeRecord(buf: Buffer, at: number, m: MeasuredRecord): number {
  at = writeUVarInt(buf, at, m.lengthField);
  buf[at++] = 0; // attributes: none used
  at = m.ts32 >= 0 ? writeUVarInt(buf, at, m.ts32) : writeUVarLong(buf, at, m.ts64);
  at = writeUVarInt(buf, at, m.offsetDelta);
  at = writePart(buf, at, m.key);
  at = writePart(buf, at, m.value);
  at = writeUVarInt(buf, at, zigzag32(m.headers.length));
  for (const [hk, hv] of m.headers) at = writePart(buf, writePart(buf, at, hk), hv);
  return at;
}

export function encodeRecordV0(r: RecordInput): EncodedRecord {
  const m = measureRecord(r, r.offsetDelta ?? 0, r.timestampDelta ?? 0);
  const buf = Buffer.allocUnsafe(m.size);
  writeRecord(buf, 0, m);
  return { buf, buffer: buf };
}
