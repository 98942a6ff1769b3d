import type { ConfigException } from '../../config/config-exception';

/**
 * The subset of java.text.SimpleDateFormat the SMTs need, always in UTC (TimestampConverter and
 * TimestampRouter set the UTC zone): pattern letters G y Y M L d D E u a H k K h m s S z Z X and
 * 'quoted' literals. Unknown letters fail like Java ("Illegal pattern character 'x'").
 */
type Token = { kind: 'lit'; text: string } | { kind: 'field'; letter: string; count: number };

const LETTERS = new Set('GyYMLdDEuaHkKhmsSzZXw'.split(''));
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out.push({ kind: 'lit', text: "'" });
        i += 2;
        continue;
      }
      if (end < 0) throw new Error('Unterminated quote');
      out.push({ kind: 'lit', text: pattern.substring(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      if (!LETTERS.has(c)) throw new Error(`Illegal pattern character '${c}'`);
      let n = 1;
      while (pattern.charAt(i + n) === c) n++;
      out.push({ kind: 'field', letter: c, count: n });
      i += n;
      continue;
    }
    out.push({ kind: 'lit', text: c });
    i++;
  }
  return out;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export class SimpleDateFormat {
  readonly #tokens: Token[];

  /** Throws IllegalArgumentException-like Error on a bad pattern (callers wrap it in ConfigException). */
  constructor(readonly pattern: string) {
    this.#tokens = tokenize(pattern);
  }

  toPattern(): string {
    return this.pattern;
  }

  format(date: Date): string {
    const d = date;
    let out = '';
    for (const t of this.#tokens) {
      if (t.kind === 'lit') {
        out += t.text;
        continue;
      }
      const n = t.count;
      switch (t.letter) {
        case 'G':
          out += d.getUTCFullYear() > 0 ? 'AD' : 'BC';
          break;
        case 'y':
        case 'Y': {
          const y = d.getUTCFullYear();
          out += n === 2 ? pad(y % 100, 2) : pad(y, n);
          break;
        }
        case 'M':
        case 'L': {
          const m = d.getUTCMonth();
          const name = MONTHS[m] ?? '';
          out += n >= 4 ? name : n === 3 ? name.substring(0, 3) : pad(m + 1, n);
          break;
        }
        case 'd':
          out += pad(d.getUTCDate(), n);
          break;
        case 'D': {
          const start = Date.UTC(d.getUTCFullYear(), 0, 1);
          out += pad(Math.floor((d.getTime() - start) / 86400000) + 1, n);
          break;
        }
        case 'E': {
          const name = DAYS[d.getUTCDay()] ?? '';
          out += n >= 4 ? name : name.substring(0, 3);
          break;
        }
        case 'u':
          out += pad(d.getUTCDay() === 0 ? 7 : d.getUTCDay(), n);
          break;
        case 'a':
          out += d.getUTCHours() < 12 ? 'AM' : 'PM';
          break;
        case 'H':
          out += pad(d.getUTCHours(), n);
          break;
        case 'k':
          out += pad(d.getUTCHours() === 0 ? 24 : d.getUTCHours(), n);
          break;
        case 'K':
          out += pad(d.getUTCHours() % 12, n);
          break;
        case 'h':
          out += pad(d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12, n);
          break;
        case 'm':
          out += pad(d.getUTCMinutes(), n);
          break;
        case 's':
          out += pad(d.getUTCSeconds(), n);
          break;
        case 'S':
          out += pad(d.getUTCMilliseconds(), n);
          break;
        case 'z':
          out += n >= 4 ? 'Coordinated Universal Time' : 'UTC';
          break;
        case 'Z':
          out += '+0000';
          break;
        case 'X':
          out += 'Z';
          break;
        case 'w':
          out += pad(1, n);
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** Parses like SimpleDateFormat.parse (lenient numeric fields, UTC); throws ParseError on mismatch. */
  parse(text: string): Date {
    let pos = 0;
    let year = 1970;
    let month = 0;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let milli = 0;
    let pm: boolean | null = null;
    let offsetMinutes = 0;
    const fail = (): never => {
      throw new ParseError(`Unparseable date: "${text}"`, pos);
    };
    const tokens = this.#tokens;
    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti];
      if (t === undefined) break;
      if (t.kind === 'lit') {
        if (!text.startsWith(t.text, pos)) fail();
        pos += t.text.length;
        continue;
      }
      if (t.letter === 'a') {
        const s = text.substring(pos, pos + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') fail();
        pm = s === 'PM';
        pos += 2;
        continue;
      }
      if (t.letter === 'X' || t.letter === 'Z' || t.letter === 'z') {
        const m = /^(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.substring(pos));
        if (!m) fail();
        const z = m?.[1] ?? 'Z';
        if (z.startsWith('+') || z.startsWith('-')) {
          const digits = z.replace(':', '');
          const h = Number(digits.substring(1, 3));
          const mm = digits.length > 3 ? Number(digits.substring(3, 5)) : 0;
          offsetMinutes = (z.startsWith('-') ? -1 : 1) * (h * 60 + mm);
        }
        pos += z.length;
        continue;
      }
      if ((t.letter === 'M' || t.letter === 'L') && t.count >= 3) {
        const idx = MONTHS.findIndex((name) =>
          text.startsWith(t.count >= 4 ? name : name.substring(0, 3), pos),
        );
        if (idx < 0) fail();
        pos += t.count >= 4 ? (MONTHS[idx] ?? '').length : 3;
        month = idx;
        continue;
      }
      if (t.letter === 'E') {
        const idx = DAYS.findIndex((name) =>
          text.startsWith(t.count >= 4 ? name : name.substring(0, 3), pos),
        );
        if (idx < 0) fail();
        pos += t.count >= 4 ? (DAYS[idx] ?? '').length : 3;
        continue;
      }
      // Numeric field: when the next token is another field (abutting), take exactly `count` digits.
      const next = tokens[ti + 1];
      const abutting = next !== undefined && next.kind === 'field';
      const sign = text.charAt(pos) === '-' ? -1 : 1;
      if (sign < 0) pos++;
      let end = pos;
      while (end < text.length && /\d/.test(text.charAt(end)) && (!abutting || end - pos < t.count)) end++;
      if (end === pos) fail();
      const value = sign * Number(text.substring(pos, end));
      const digits = end - pos;
      pos = end;
      switch (t.letter) {
        case 'y':
        case 'Y':
          year =
            t.count <= 2 && digits === 2
              ? 2000 + value - (2000 + value > new Date().getUTCFullYear() + 20 ? 100 : 0)
              : value;
          break;
        case 'M':
        case 'L':
          month = value - 1;
          break;
        case 'd':
          day = value;
          break;
        case 'H':
        case 'k':
          hour = t.letter === 'k' && value === 24 ? 0 : value;
          break;
        case 'h':
        case 'K':
          hour = value % 12;
          break;
        case 'm':
          minute = value;
          break;
        case 's':
          second = value;
          break;
        case 'S':
          milli = value;
          break;
        default:
          break;
      }
    }
    if (pm === true) hour += 12;
    const ms = Date.UTC(year, month, day, hour, minute, second, milli) - offsetMinutes * 60000;
    const result = new Date(ms);
    // Date.UTC maps years 0-99 to 1900+; Java does not.
    if (year >= 0 && year < 100) result.setUTCFullYear(year);
    return result;
  }
}

/** java.text.ParseException. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly errorOffset: number,
  ) {
    super(message);
  }
}

/** new SimpleDateFormat(pattern) inside configure(): a bad pattern becomes the SMT's ConfigException. */
export function compileDateFormat(pattern: string, onError: (e: Error) => ConfigException): SimpleDateFormat {
  try {
    return new SimpleDateFormat(pattern);
  } catch (e) {
    throw onError(e as Error);
  }
}
