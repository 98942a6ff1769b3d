import { NumberFormatError } from './java-errors';

/** Java's Byte/Short/Integer/Long.parseXxx: optional sign, decimal digits, in range; else NumberFormatException. */
export function parseJavaInt(text: string, bits: 8 | 16 | 32 | 64): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new NumberFormatError(`For input string: "${text}"`);
  const v = BigInt(text);
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (v > max || v < min) {
    const what = bits === 64 ? `For input string: "${text}"` : `Value out of range. Value:"${text}" Radix:10`;
    throw new NumberFormatError(what);
  }
  return v;
}

/** Double.parseDouble / Float.parseFloat (Java accepts leading/trailing whitespace, d/f suffixes, Infinity, NaN). */
export function parseJavaDouble(text: string): number {
  const t = text.trim().replace(/[dDfF]$/, '');
  if (/^[+-]?(NaN|Infinity)$/.test(t)) return Number(t);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    throw new NumberFormatError(text.trim() === '' ? 'empty String' : `For input string: "${text}"`);
  }
  return Number(t);
}

/** Java narrowing of a long to byte/short/int (two's complement wrap). */
export function wrapInt(v: bigint, bits: 8 | 16 | 32): number {
  return Number(BigInt.asIntN(bits, v));
}

/** Java (long) cast of a double: truncation toward zero, saturating, NaN → 0. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 9223372036854775807) return 9223372036854775807n;
  if (d <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(d));
}

/** Java (int) cast of a double: truncation toward zero, saturating, NaN → 0. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d);
}
