import { IllegalArgumentError, IndexOutOfBoundsError } from './java-errors';

/**
 * java.util.regex semantics the SMTs rely on, on top of JS RegExp: Pattern.matches() (whole input),
 * Matcher.replaceFirst() with Java's replacement syntax ($n, ${name}, \ escapes). Java-only syntax
 * (possessive quantifiers, \A \Z, inline flags other than i/m/s) is not translated.
 */
export class JavaPattern {
  readonly #whole: RegExp;

  /** Throws PatternSyntaxError (message like Java's first line) when the regex does not compile. */
  constructor(readonly pattern: string) {
    const { source, flags } = translateJavaRegex(pattern);
    try {
      this.#whole = new RegExp(`^(?:${source})$`, flags);
    } catch (e) {
      throw new PatternSyntaxError((e as Error).message);
    }
  }

  /** Matcher.matches(): the match groups when the whole input matches, else null. */
  matchWhole(input: string): RegExpExecArray | null {
    return this.#whole.exec(input);
  }

  matches(input: string): boolean {
    return this.#whole.test(input);
  }

  /** Matcher.replaceFirst(replacement) after a whole match: the whole string is the first match. */
  replaceWhole(input: string, replacement: string): string | null {
    const m = this.#whole.exec(input);
    if (m === null) return null;
    return expandReplacement(replacement, m);
  }

  toString(): string {
    return this.pattern;
  }
}

/**
 * The Java-only syntax seen in connector configs, rewritten for JS: leading inline flags `(?i)`,
 * `(?s)`, `(?m)` (JS has no inline flags), `\Q...\E` quoting and the `\A` / `\z` / `\Z` anchors.
 */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  let p = pattern;
  let flags = '';
  for (;;) {
    const m = /^\(\?([imsx]+)\)/.exec(p);
    if (m === null) break;
    for (const f of m[1] ?? '') if (f !== 'x' && !flags.includes(f)) flags += f;
    p = p.slice(m[0].length);
  }
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p.charAt(i);
    if (c === '\\' && i + 1 < p.length) {
      const n = p.charAt(i + 1);
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const literal = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if (n === 'A') out += '^';
      else if (n === 'z' || n === 'Z') out += '$';
      else out += c + n;
      i++;
      continue;
    }
    out += c;
  }
  return { source: out, flags };
}

export class PatternSyntaxError extends Error {
  readonly javaClassName = 'java.util.regex.PatternSyntaxException';
}

/** Matcher.appendReplacement's expansion of `$1`, `${name}` and `\x` escapes, with Java's errors. */
export function expandReplacement(replacement: string, m: RegExpExecArray): string {
  let out = '';
  let i = 0;
  const groupCount = m.length - 1;
  while (i < replacement.length) {
    const c = replacement.charAt(i);
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new IllegalArgumentError('character to be escaped is missing');
      out += replacement.charAt(i);
      i++;
    } else if (c === '$') {
      i++;
      if (i >= replacement.length)
        throw new IllegalArgumentError('Illegal group reference: group index is missing');
      if (replacement.charAt(i) === '{') {
        i++;
        const end = replacement.indexOf('}', i);
        if (end < 0) throw new IllegalArgumentError("named capturing group is missing trailing '}'");
        const name = replacement.substring(i, end);
        if (name.length === 0) throw new IllegalArgumentError('named capturing group has 0 length name');
        const groups = m.groups ?? {};
        if (!(name in groups)) throw new IllegalArgumentError(`No group with name {${name}}`);
        out += groups[name] ?? '';
        i = end + 1;
      } else {
        let digit = replacement.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) throw new IllegalArgumentError('Illegal group reference');
        let ref = digit;
        i++;
        // Java takes more digits while the group number stays valid.
        while (i < replacement.length) {
          digit = replacement.charCodeAt(i) - 48;
          if (digit < 0 || digit > 9) break;
          const next = ref * 10 + digit;
          if (next > groupCount) break;
          ref = next;
          i++;
        }
        if (ref > groupCount) throw new IndexOutOfBoundsError(`No group ${ref}`);
        out += m[ref] ?? '';
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
