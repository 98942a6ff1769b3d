/**
 * runtime/kafka/record-encoder.ts against the kafkajs 2.2.4 record encoder it replaces in the
 * runtime bundle: the same bytes for every kind of record, alone and inside a RecordBatch (whose
 * CRC covers them), and decoded back by kafkajs's own decoder to the same key, value and headers.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { encodeRecordV0 } from '../../runtime/kafka/record-encoder';
import type { RecordInput } from '../../runtime/kafka/record-encoder';

const kafkajs = createRequire(require.resolve('kafkajs'));
const original = kafkajs('./src/protocol/recordBatch/record/v0') as (r: RecordInput) => { buffer: Buffer };
const { RecordBatch } = kafkajs('./src/protocol/recordBatch/v0') as {
  RecordBatch: (o: {
    records: unknown[];
    firstTimestamp: number;
    maxTimestamp: number;
  }) => Promise<{ buffer: Buffer }>;
};
const Decoder = kafkajs('./src/protocol/decoder') as new (b: Buffer) => unknown;
const decodeBatch = kafkajs('./src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<{
  records: { key: Buffer | null; value: Buffer | null; headers: Record<string, unknown> }[];
}>;

const cases: [string, RecordInput][] = [
  ['empty record', {}],
  ['string key and value', { key: 'k1', value: 'hello', offsetDelta: 3, timestampDelta: 12 }],
  ['null key, buffer value', { key: null, value: Buffer.from([0, 1, 2, 255]), offsetDelta: 0 }],
  ['null value (tombstone)', { key: Buffer.from('id-1'), value: null, offsetDelta: 511 }],
  ['multi-byte UTF-8', { key: 'clé', value: 'grüße 😀 — ✓', offsetDelta: 70000 }],
  ['value of 300 bytes (2-byte length)', { value: 'x'.repeat(300), offsetDelta: 127 }],
  ['value of 20000 bytes (3-byte length)', { value: Buffer.alloc(20000, 7), offsetDelta: 128 }],
  ['negative timestamp delta', { value: 'v', timestampDelta: -5 }],
  ['timestamp delta above 2^31', { value: 'v', timestampDelta: 3_000_000_000_000 }],
  ['timestamp delta as a string', { value: 'v', timestampDelta: '1764000000000' }],
  ['large offset delta', { value: 'v', offsetDelta: 2 ** 30 + 5 }],
  [
    'headers: strings, buffers, arrays, empty',
    {
      key: 'k',
      value: 'v',
      headers: {
        __connect_errors_topic: 'orders',
        bin: Buffer.from([1, 2, 3]),
        multi: ['a', Buffer.from('b'), 'ç'],
        empty: '',
      },
    },
  ],
];

void describe('record encoder of the runtime bundle = kafkajs 2.2.4 record v0', () => {
  for (const [name, input] of cases) {
    void it(`${name}: same bytes`, () => {
      const ours = encodeRecordV0(input);
      assert.deepEqual(ours.buffer, original(input).buffer);
      assert.equal(ours.buf, ours.buffer);
    });
  }

  void it('a RecordBatch of all cases: same bytes and CRC; kafkajs decodes ours to the same records', async () => {
    const inputs = cases.map(([, r], i) => ({ ...r, offsetDelta: i }));
    const at = { firstTimestamp: 1764000000000, maxTimestamp: 1764000000100 };
    const theirs = await RecordBatch({ records: inputs.map(original), ...at });
    const ours = await RecordBatch({ records: inputs.map(encodeRecordV0), ...at });
    assert.deepEqual(ours.buffer, theirs.buffer);
    const decoded = await decodeBatch(new Decoder(ours.buffer));
    assert.equal(decoded.records.length, inputs.length);
    const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));
    assert.equal(text(decoded.records[1].key), 'k1');
    assert.equal(text(decoded.records[4].value), 'grüße 😀 — ✓');
    assert.equal(decoded.records[3].value, null);
    const headers = decoded.records[inputs.length - 1].headers;
    assert.equal(text(headers['__connect_errors_topic'] as Buffer), 'orders');
    assert.deepEqual((headers['multi'] as Buffer[]).map(text), ['a', 'b', 'ç']);
  });

  void it('1,000 random records: same bytes', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const bytes = (): Buffer | string | null => {
      const k = rnd(4);
      if (k === 0) return null;
      const len = [0, 5, 200, 5000][rnd(4)];
      return k === 1 ? 'é'.repeat(len) : Buffer.alloc(len, rnd(256));
    };
    for (let i = 0; i < 1000; i++) {
      const input: RecordInput = {
        key: bytes(),
        value: bytes(),
        offsetDelta: rnd(100000),
        timestampDelta: rnd(2) ? rnd(1000) : rnd(2 ** 30) * 4096,
        headers: rnd(2) ? { a: 'x'.repeat(rnd(200)), b: [Buffer.alloc(rnd(300)), 'y'] } : {},
      };
      assert.deepEqual(
        encodeRecordV0(input).buffer,
        original(input).buffer,
        JSON.stringify(input).slice(0, 200),
      );
    }
  });
});
