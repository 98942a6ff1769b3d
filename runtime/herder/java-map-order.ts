/**
 * Java HashMap iteration order. Connect returns several maps (connector configs read back from the
 * config topic, the connector list, `expand` results) straight from java.util.HashMap, and clients
 * (and our differential test) see that order. Reproducing it is cheap: bucket index of the spread
 * String.hashCode in the final table size, insertion order within a bucket.
 */

function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function spread(h: number): number {
  return h ^ (h >>> 16);
}

function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap) n *= 2;
  return n;
}

/** Capacity of a HashMap filled by put() one entry at a time from the default (16, 0.75). */
export function incrementalCapacity(size: number): number {
  let cap = 16;
  while (size > cap * 0.75) cap *= 2;
  return cap;
}

/** Capacity of `new HashMap<>(otherMap)` with `size` entries. */
export function copyCapacity(size: number): number {
  const t = Math.floor(size / 0.75 + 1);
  const cap = tableSizeFor(t);
  // Then put() may still resize as entries are added.
  let c = Math.max(cap, 1);
  while (size > c * 0.75) c *= 2;
  return c;
}

export function javaHashOrder(
  keys: readonly string[],
  capacity = incrementalCapacity(keys.length),
): string[] {
  const indexed = keys.map((k, i) => ({ k, i, b: spread(javaStringHash(k)) & (capacity - 1) }));
  indexed.sort((a, b) => a.b - b.b || a.i - b.i);
  return indexed.map((e) => e.k);
}

/** A copy of `map` whose key order is the Java HashMap iteration order. */
export function javaHashMap<V>(map: Readonly<Record<string, V>>, capacity?: number): Record<string, V> {
  const keys = Object.keys(map);
  const out: Record<string, V> = {};
  for (const k of javaHashOrder(keys, capacity ?? incrementalCapacity(keys.length))) out[k] = map[k]!;
  return out;
}
