/**
 * Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2), the hash the Java producer's
 * default partitioner applies to a record's serialized key: `toPositive(murmur2(key)) % partitions`.
 * kafkajs 2.2.4's DefaultPartitioner computes the same 32 bits through 64-bit `Long` objects (a
 * dozen allocations per 4 key bytes: a sixth of a source task's CPU with Debezium's ~150-byte JSON
 * keys). This is the 32-bit arithmetic of the Java original; the runtime's bundle swaps kafkajs's
 * module for it (esbuild.mjs) and test/unit/kafka-hashes.test.ts compares the two.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

export function murmur2(key: Buffer | string): number {
  const data = Buffer.isBuffer(key) ? key : Buffer.from(String(key));
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const end = length & ~3;
  for (let i = 0; i < end; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // the Java switch falls through: the tail's bytes from the highest, then one multiply
  const tail = length & 3;
  if (tail > 0) {
    if (tail === 3) h ^= data[end + 2] << 16;
    if (tail >= 2) h ^= data[end + 1] << 8;
    h ^= data[end];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
