/**
 * The tokenizer of org.apache.kafka.connect.data.Values.Parser: delimiters `: , { } [ ] "`
 * (unless escaped by a backslash) are single tokens; everything between them is one token.
 */
export class ValuesTokenizer {
  #index = 0;
  #nextToken: string | null = null;
  #previousToken: string | null = null;

  constructor(readonly original: string) {}

  position(): number {
    return this.#index;
  }

  mark(): number {
    return this.#index - (this.#nextToken !== null ? this.#nextToken.length : 0);
  }

  rewindTo(position: number): void {
    this.#index = position;
    this.#nextToken = null;
    this.#previousToken = null;
  }

  hasNext(): boolean {
    return this.#nextToken !== null || this.#canConsumeNextToken();
  }

  #canConsumeNextToken(): boolean {
    return this.original.length > this.#index;
  }

  next(): string {
    if (this.#nextToken !== null) {
      this.#previousToken = this.#nextToken;
      this.#nextToken = null;
    } else {
      this.#previousToken = this.#consumeNextToken();
    }
    return this.#previousToken;
  }

  /** The text of the next n tokens, or null (rewound) when there are fewer. */
  nextN(n: number): string | null {
    const start = this.mark();
    for (let i = 0; i !== n; ++i) {
      if (!this.hasNext()) {
        this.rewindTo(start);
        return null;
      }
      this.next();
    }
    return this.original.substring(start, this.position());
  }

  previous(): string | null {
    return this.#previousToken;
  }

  #consumeNextToken(): string {
    let escaped = false;
    const start = this.#index;
    const s = this.original;
    while (this.#canConsumeNextToken()) {
      const c = s[this.#index];
      switch (c) {
        case '\\':
          escaped = !escaped;
          break;
        case ':':
        case ',':
        case '{':
        case '}':
        case '[':
        case ']':
        case '"':
          if (!escaped) {
            if (start < this.#index) return s.substring(start, this.#index);
            this.#index++;
            return s.substring(start, start + 1);
          }
          escaped = false;
          break;
        default:
          escaped = false;
          break;
      }
      this.#index++;
    }
    return s.substring(start, this.#index);
  }

  canConsume(expected: string, ignoreLeadingAndTrailingWhitespace = true): boolean {
    if (this.#isNext(expected, ignoreLeadingAndTrailingWhitespace)) {
      this.#nextToken = null;
      return true;
    }
    return false;
  }

  #isNext(expected: string, trim: boolean): boolean {
    if (this.#nextToken === null) {
      if (!this.hasNext()) return false;
      this.#nextToken = this.#consumeNextToken();
    }
    if (trim) {
      while (isBlank(this.#nextToken) && this.#canConsumeNextToken())
        this.#nextToken = this.#consumeNextToken();
    }
    return trim ? javaTrim(this.#nextToken) === expected : this.#nextToken === expected;
  }
}

/** Utils.isBlank: null, empty or only whitespace (String.trim semantics: chars ≤ U+0020). */
export function isBlank(s: string | null): boolean {
  return s === null || javaTrim(s) === '';
}

/** Java String.trim(): strips chars ≤ U+0020 at both ends. */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}
