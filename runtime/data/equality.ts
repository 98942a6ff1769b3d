/**
 * Value equality as Java's Objects.deepEquals sees Connect values: Object.is for numbers
 * (NaN equals NaN, 0.0 ≠ -0.0, as Double.equals), byte contents for Buffers, element-wise
 * arrays, order-independent Maps, and equals() for Struct, BigDecimal and schemas.
 */
export function deepEquals(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEquals(x, b[i]));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (b.has(k)) {
        if (!deepEquals(v, b.get(k))) return false;
        continue;
      }
      let found = false;
      for (const [k2, v2] of b) {
        if (deepEquals(k, k2) && deepEquals(v, v2)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (hasEquals(a)) return a.equals(b);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function hasEquals(v: object): v is { equals(o: unknown): boolean } {
  return typeof (v as { equals?: unknown }).equals === 'function';
}
