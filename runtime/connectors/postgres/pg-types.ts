/** PostgreSQL built-in type OIDs used by the connectors (pg_type.oid, stable across versions). */
export const Oid = {
  BOOL: 16,
  BYTEA: 17,
  CHAR: 18,
  NAME: 19,
  INT8: 20,
  INT2: 21,
  INT4: 23,
  TEXT: 25,
  OID: 26,
  JSON: 114,
  XML: 142,
  FLOAT4: 700,
  FLOAT8: 701,
  MONEY: 790,
  BPCHAR: 1042,
  VARCHAR: 1043,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  INTERVAL: 1186,
  TIMETZ: 1266,
  BIT: 1560,
  VARBIT: 1562,
  NUMERIC: 1700,
  UUID: 2950,
  JSONB: 3802,
} as const;

/** numeric(p,s) typmod → precision/scale as pgjdbc reports them (0/0 when unconstrained). */
export function numericPrecisionScale(typmod: number): { precision: number; scale: number } {
  if (typmod < 4) return { precision: 0, scale: 0 };
  const t = typmod - 4;
  return { precision: (t >> 16) & 0xffff, scale: t & 0xffff };
}

/** Fractional-second precision of time/timestamp typmod (pgjdbc: 6 when unconstrained). */
export function temporalPrecision(typmod: number): number {
  return typmod < 0 ? 6 : typmod;
}

/** Parses PostgreSQL's `bytea` hex text output (`\x0a0b`). */
export function parseByteaHex(text: string): Buffer {
  if (text.startsWith('\\x')) return Buffer.from(text.slice(2), 'hex');
  // escape format (bytea_output=escape)
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '\\') {
        out.push(92);
        i++;
      } else {
        out.push(parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
      }
    } else out.push(text.charCodeAt(i));
  }
  return Buffer.from(out);
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' (optionally ' BC') → days since epoch. */
export function parseDateDays(text: string): number {
  const m = /^(\d+)-(\d\d)-(\d\d)( BC)?$/.exec(text);
  if (!m) throw new Error(`Unparseable date '${text}'`);
  let year = Number(m[1]);
  if (m[4]) year = 1 - year;
  const d = new globalThis.Date(0);
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / DAY_MS);
}

/** 'HH:MM:SS[.ffffff]' → microseconds of day (24:00:00 allowed). */
export function parseTimeMicros(text: string): bigint {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?/.exec(text);
  if (!m) throw new Error(`Unparseable time '${text}'`);
  const frac = (m[4] ?? '').padEnd(6, '0');
  return BigInt(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1_000_000n + BigInt(frac || '0');
}

export interface ParsedTimestamp {
  /** Microseconds since epoch (UTC). */
  micros: bigint;
  /** The zone offset in seconds when the text had one. */
  offsetSeconds: number | null;
}

/**
 * 'YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]' → epoch µs. Without an offset the value is
 * taken as UTC (the session runs in UTC, and JDBC reads local timestamps in db.timezone=UTC).
 */
export function parseTimestamp(text: string): ParsedTimestamp {
  const m =
    /^(\d+)-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-]\d\d(?::?\d\d(?::?\d\d)?)?)?( BC)?$/.exec(
      text,
    );
  if (!m) throw new Error(`Unparseable timestamp '${text}'`);
  let year = Number(m[1]);
  if (m[9]) year = 1 - year;
  const d = new globalThis.Date(0);
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  d.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  let micros = BigInt(d.getTime()) * 1000n + BigInt((m[7] ?? '').padEnd(6, '0') || '0');
  let offsetSeconds: number | null = null;
  if (m[8]) {
    const sign = m[8][0] === '-' ? -1 : 1;
    const parts = m[8].slice(1).split(':');
    const digits = parts.length === 1 ? m[8].slice(1) : parts.join('');
    const hh = Number(digits.slice(0, 2));
    const mm = Number(digits.slice(2, 4) || '0');
    const ss = Number(digits.slice(4, 6) || '0');
    offsetSeconds = sign * (hh * 3600 + mm * 60 + ss);
    micros -= BigInt(offsetSeconds) * 1_000_000n;
  }
  return { micros, offsetSeconds };
}

/** Floor division for bigint (Java Math.floorDiv). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

/** Quotes an identifier for SQL ("a""b"). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
