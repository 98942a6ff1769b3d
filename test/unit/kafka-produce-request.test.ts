/**
 * runtime/kafka/produce-request.ts against the kafkajs 2.2.4 modules it replaces in the runtime
 * bundle (esbuild.mjs): the Produce v3 request body and the framed request (size, header, body)
 * byte for byte, uncompressed and gzip-compressed, with and without timestamps, headers, keys,
 * several topics and partitions, a transactional id; and kafkajs decodes our batches back.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { nullHeaderValue } from '../../runtime/errors/tolerance/null-header';
import { encodeRequest, produceRequestV3 } from '../../runtime/kafka/produce-request';
import type { ProduceRequestOptions } from '../../runtime/kafka/produce-request';

const kafkajs = createRequire(require.resolve('kafkajs'));
type Encoded = { buffer: Buffer };
const originalV3 = kafkajs('./src/protocol/requests/produce/v3/request') as (o: ProduceRequestOptions) => {
  apiKey: number;
  apiVersion: number;
  encode: () => Promise<Encoded>;
};
const originalRequest = kafkajs('./src/protocol/request') as (o: {
  correlationId: number;
  clientId: string | null;
  request: { apiKey: number; apiVersion: number; encode: () => Promise<Encoded> };
}) => Promise<Encoded>;
const { Types } = kafkajs('./src/protocol/message/compression') as { Types: { None: number; GZIP: number } };
const Long = kafkajs('./src/utils/long') as { fromValue(v: unknown): unknown };
const Decoder = kafkajs('./src/protocol/decoder') as new (b: Buffer) => unknown;
const decodeBatch = kafkajs('./src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<{
  records: { key: Buffer | null; value: Buffer | null; offset: string }[];
}>;

const NOW = 1_764_000_000_123;
const realNow = Date.now;

const value = (i: number): string =>
  `{"schema":null,"payload":{"id":${i},"text":"grüße ${'x'.repeat(i % 300)}"}}`;

const cases: [string, ProduceRequestOptions][] = [
  [
    'one topic, one partition, no timestamps (Date.now), buffer values',
    {
      acks: -1,
      timeout: 30000,
      topicData: [
        {
          topic: 'pg.public.t',
          partitions: [
            {
              partition: 0,
              messages: [0, 1, 2].map((i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(value(i)) })),
            },
          ],
        },
      ],
    },
  ],
  [
    'string timestamps (as our source task sends), string values, headers, a tombstone',
    {
      acks: -1,
      timeout: 30000,
      topicData: [
        {
          topic: 't1',
          partitions: [
            {
              partition: 2,
              messages: [
                { key: 'a', value: value(1), timestamp: '1764000000500', headers: { h: 'v', n: ['1', '2'] } },
                { key: 'a', value: null, timestamp: '1764000000400' },
                { key: null, value: value(2), timestamp: '1764000001000', headers: {} },
              ],
            },
          ],
        },
      ],
    },
  ],
  [
    'several topics and partitions, numeric timestamps, some missing, transactional id',
    {
      acks: 1,
      timeout: 5000,
      transactionalId: 'tx-1',
      producerId: Long.fromValue(4711),
      producerEpoch: 3,
      topicData: [
        {
          topic: 'a',
          partitions: [
            {
              partition: 0,
              firstSequence: 7,
              messages: [{ value: 'x', timestamp: NOW - 10 }, { value: 'y' }],
            },
            { partition: 1, messages: [{ value: 'z', timestamp: NOW + 5 }] },
          ],
        },
        {
          topic: 'b',
          partitions: [
            {
              partition: 0,
              messages: Array.from({ length: 500 }, (_, i) => ({ key: `k${i}`, value: value(i) })),
            },
          ],
        },
      ],
    },
  ],
  ['no topics', { acks: 0, timeout: 100, topicData: [] }],
];

void describe('Produce request encoder of the runtime bundle = kafkajs 2.2.4', () => {
  beforeEach(() => {
    Date.now = () => NOW;
  });
  afterEach(() => {
    Date.now = realNow;
  });

  for (const [name, o] of cases) {
    void it(`${name}: same body and framed request`, async () => {
      const ours = produceRequestV3(o);
      const theirs = originalV3(o);
      assert.equal(ours.apiKey, theirs.apiKey);
      assert.equal(ours.apiVersion, theirs.apiVersion);
      assert.deepEqual((await ours.encode()).buffer, (await theirs.encode()).buffer);
      const framedOurs = await encodeRequest({ correlationId: 42, clientId: 'kcl-client', request: ours });
      const framedTheirs = await originalRequest({
        correlationId: 42,
        clientId: 'kcl-client',
        request: theirs,
      });
      assert.deepEqual(framedOurs.buffer, framedTheirs.buffer);
    });
  }

  void it('gzip-compressed batches: same bytes (kafkajs path)', async () => {
    const o = { ...cases[2][1], compression: Types.GZIP };
    assert.deepEqual((await produceRequestV3(o).encode()).buffer, (await originalV3(o).encode()).buffer);
  });

  void it('null header values (the null-header marker): same bytes, also when the request is encoded again', async () => {
    const options = (): ProduceRequestOptions => ({
      acks: -1,
      timeout: 1,
      topicData: [
        {
          topic: 't',
          partitions: [
            {
              partition: 0,
              messages: [
                { key: 'k', value: 'v', headers: { n: nullHeaderValue(), z: [nullHeaderValue(), 'yz'] } },
              ],
            },
          ],
        },
      ],
    });
    const ours = produceRequestV3(options());
    const theirs = originalV3(options());
    const first = (await theirs.encode()).buffer;
    assert.deepEqual((await ours.encode()).buffer, first);
    assert.deepEqual((await ours.encode()).buffer, first, 'retried send');
    assert.deepEqual((await theirs.encode()).buffer, first);
  });

  void it('a null client id and one too long for the room before the body are framed as kafkajs frames them', async () => {
    const o = cases[0][1];
    for (const clientId of [null, 'c'.repeat(249), 'é'.repeat(200)]) {
      const ours = await encodeRequest({ correlationId: 1, clientId, request: produceRequestV3(o) });
      const theirs = await originalRequest({ correlationId: 1, clientId, request: originalV3(o) });
      assert.deepEqual(ours.buffer, theirs.buffer, String(clientId));
    }
  });

  void it("kafkajs decodes our batch to the messages' keys and values", async () => {
    const messages = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: value(i) }));
    const body = (
      await produceRequestV3({
        acks: -1,
        timeout: 1,
        topicData: [{ topic: 't', partitions: [{ partition: 0, messages }] }],
      }).encode()
    ).buffer;
    // body: txn id (2), acks (2), timeout (4), topics (4), topic (2 + 1), partitions (4), partition (4), size (4)
    const batch = body.subarray(27);
    const decoded = await decodeBatch(new Decoder(batch));
    assert.deepEqual(
      decoded.records.map((r) => [r.key?.toString(), r.value?.toString()]),
      messages.map((m) => [m.key, m.value]),
    );
  });
});
