/**
 * runtime/kafka/murmur2.ts and crc32c.ts against the kafkajs 2.2.4 modules they replace in the
 * runtime bundle (esbuild.mjs): the same partitioner hash and the same record-batch checksum, on
 * fixed inputs with known values and on random ones of every length and alignment.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { crc32c } from '../../runtime/kafka/crc32c';
import { murmur2 } from '../../runtime/kafka/murmur2';

const kafkajs = createRequire(require.resolve('kafkajs'));
const kafkajsMurmur2 = kafkajs('./src/producer/partitioners/default/murmur2') as (
  k: Buffer | string,
) => number;
const kafkajsCrc32c = kafkajs('./src/protocol/recordBatch/crc32C/crc32C') as (b: Buffer) => number;

/** Deterministic bytes (xorshift), so a failure names a reproducible input. */
function bytes(seed: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

void describe('murmur2 (partitioner hash)', () => {
  void it("gives the Java client's values for known keys", () => {
    // org.apache.kafka.common.utils.UtilsTest.testMurmur2
    const cases: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of cases) {
      assert.equal(murmur2(Buffer.from(key)), hash, key);
      assert.equal(kafkajsMurmur2(Buffer.from(key)), hash, `kafkajs ${key}`);
    }
  });

  void it('equals kafkajs for keys of every length up to 300 bytes, buffers and strings', () => {
    for (let len = 0; len <= 300; len++) {
      for (let seed = 1; seed <= 5; seed++) {
        const key = bytes(seed * 1000 + len, len);
        assert.equal(murmur2(key), kafkajsMurmur2(key), `length ${len}, seed ${seed}`);
      }
    }
    for (const s of ['', 'k', 'clé', '{"schema":null,"payload":{"id":42}}'])
      assert.equal(murmur2(s), kafkajsMurmur2(s), s);
  });
});

void describe('crc32c (record batch checksum)', () => {
  void it('gives the standard check value and the empty input', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
    assert.equal(crc32c(Buffer.alloc(0)), 0);
  });

  void it('equals kafkajs for every length up to 200 bytes at every alignment, and for a large buffer', () => {
    const backing = bytes(7, 4096);
    for (let offset = 0; offset < 8; offset++) {
      for (let len = 0; len <= 200; len++) {
        const view = backing.subarray(offset, offset + len);
        assert.equal(crc32c(view), kafkajsCrc32c(view), `offset ${offset}, length ${len}`);
      }
    }
    const big = bytes(11, 1_000_003).subarray(3);
    assert.equal(crc32c(big), kafkajsCrc32c(big));
  });
});
