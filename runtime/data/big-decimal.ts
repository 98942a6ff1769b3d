/**
 * The value of a Connect Decimal (java.math.BigDecimal): an exact unscaled integer and a scale,
 * value = unscaled × 10^-scale. Like Java, equals() compares scale too (1.0 ≠ 1.00); compareTo() does not.
 */
export class BigDecimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale)) throw new RangeError(`Invalid BigDecimal scale: ${scale}`);
  }

  /** Parses Java BigDecimal text: `-12.340`, `1E+3`, `1.5e-7`. The scale follows Java's rules. */
  static parse(text: string): BigDecimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Invalid BigDecimal: ${text}`);
    const frac = m[3] ?? '';
    const digits = (m[2] ?? '') + frac;
    const exp = m[4] === undefined ? 0 : Number(m[4]);
    const unscaled = BigInt(digits === '' ? '0' : digits);
    return new BigDecimal(m[1] === '-' ? -unscaled : unscaled, frac.length - exp);
  }

  /** The exact decimal value of a finite JS number (as `new BigDecimal(Double.toString(d))`). */
  static fromNumber(n: number): BigDecimal {
    if (!Number.isFinite(n)) throw new RangeError(`Infinite or NaN: ${n}`);
    return BigDecimal.parse(String(n));
  }

  static valueOf(unscaled: bigint, scale = 0): BigDecimal {
    return new BigDecimal(unscaled, scale);
  }

  signum(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** Same numeric value at another scale; throws when digits would be lost (Java's UNNECESSARY rounding). */
  setScale(scale: number): BigDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new BigDecimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const div = 10n ** BigInt(this.scale - scale);
    if (this.unscaled % div !== 0n) throw new RangeError('Rounding necessary');
    return new BigDecimal(this.unscaled / div, scale);
  }

  compareTo(other: BigDecimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unscaled * 10n ** BigInt(scale - this.scale);
    const b = other.unscaled * 10n ** BigInt(scale - other.scale);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.scale === this.scale && other.unscaled === this.unscaled;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Java BigDecimal.toPlainString(). */
  toPlainString(): string {
    const neg = this.unscaled < 0n;
    const abs = (neg ? -this.unscaled : this.unscaled).toString();
    let out: string;
    if (this.scale <= 0) out = abs + (this.unscaled === 0n && this.scale < 0 ? '' : '0'.repeat(-this.scale));
    else if (abs.length > this.scale)
      out = `${abs.slice(0, abs.length - this.scale)}.${abs.slice(abs.length - this.scale)}`;
    else out = `0.${'0'.repeat(this.scale - abs.length)}${abs}`;
    return neg ? `-${out}` : out;
  }

  /** Java BigDecimal.toString(): scientific notation when scale < 0 or the adjusted exponent < -6. */
  toString(): string {
    const neg = this.unscaled < 0n;
    const abs = (neg ? -this.unscaled : this.unscaled).toString();
    const adjusted = -this.scale + (abs.length - 1);
    let out: string;
    if (this.scale >= 0 && adjusted >= -6) {
      return this.toPlainString();
    }
    out = abs.length > 1 ? `${abs[0]}.${abs.slice(1)}` : abs;
    out += `E${adjusted >= 0 ? '+' : ''}${adjusted}`;
    return neg ? `-${out}` : out;
  }

  /** Big-endian two's-complement bytes of the unscaled value (Java BigInteger.toByteArray()). */
  unscaledToByteArray(): Buffer {
    return bigintToTwosComplement(this.unscaled);
  }
}

/** Java BigInteger.toByteArray(): minimal big-endian two's complement, at least one byte. */
export function bigintToTwosComplement(value: bigint): Buffer {
  let bytes = 1;
  // smallest n with -2^(8n-1) <= value < 2^(8n-1)
  while (value >= 1n << BigInt(8 * bytes - 1) || value < -(1n << BigInt(8 * bytes - 1))) bytes++;
  let v = value < 0n ? (1n << BigInt(8 * bytes)) + value : value;
  const out = Buffer.alloc(bytes);
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Java `new BigInteger(byte[])`; throws on an empty array as Java does ("Zero length BigInteger"). */
export function twosComplementToBigint(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new RangeError('Zero length BigInteger');
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if ((bytes[0] ?? 0) & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v;
}
