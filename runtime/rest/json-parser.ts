/**
 * A small JSON parser that keeps number text exact (int64 offsets survive) and reports syntax errors
 * with Jackson's wording, because Connect returns Jackson's message verbatim for malformed bodies.
 */

/** Where a value's first token starts, as Jackson reports it (1-based line and column). */
export interface JsonLocation {
  readonly line: number;
  readonly column: number;
}

export type JsonNode = (
  | { kind: 'object'; entries: [string, JsonNode][] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string; integral: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
) & { loc?: JsonLocation };

const LOCATION_SOURCE = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';

/**
 * A syntax error. rootProperty names the top-level object property whose value Jackson's databind
 * would have been deserializing when the parser failed (inside a nested object/array, or inside a
 * lazily parsed string value): Jackson then wraps the error with that property in the reference chain.
 */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly rootProperty: string | null = null,
  ) {
    super(message);
  }
}

export function locate(text: string, index: number): JsonLocation {
  let line = 1;
  let column = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

export function formatLocation(loc: JsonLocation): string {
  return `[Source: ${LOCATION_SOURCE}; line: ${loc.line}, column: ${loc.column}]`;
}

function location(text: string, index: number): string {
  return formatLocation(locate(text, index));
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  return `('${ch}' (code ${code}))`;
}

export function parseJson(text: string): JsonNode {
  let i = 0;
  // Open containers (outermost first) with the property whose value is being read, and whether a
  // string value (not a field name) is being read: Jackson reads string text lazily inside databind.
  const open: { key: string | null }[] = [];
  let inStringValue = false;
  const rootProperty = (): string | null => {
    const root = open[0];
    if (root === undefined || root.key === null) return null;
    return open.length >= 2 || inStringValue ? root.key : null;
  };
  const fail = (msg: string, at = i): never => {
    throw new JsonSyntaxError(`${msg}\n at ${location(text, at)}`, rootProperty());
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const endOfInput = (what: string, start: number): never =>
    fail(
      `Unexpected end-of-input: expected close marker for ${what} (start marker at ${location(text, start)})`,
      text.length,
    );

  const token = (): never => {
    const m = /^[A-Za-z0-9_$.+-]+/.exec(text.slice(i));
    const word = m ? m[0] : text[i];
    return fail(
      `Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      i + word.length,
    );
  };

  const value = (ctx: 'root' | 'array' | 'object'): JsonNode => {
    ws();
    if (i >= text.length) {
      if (ctx === 'root') fail('No content to map due to end-of-input', 0);
      fail('Unexpected end-of-input: expected a value');
    }
    const ch = text[i];
    const loc = locate(text, i);
    if (ch === '{') return { ...object(), loc };
    if (ch === '[') return { ...array(), loc };
    if (ch === '"') {
      inStringValue = true;
      const str = string();
      inStringValue = false;
      return { kind: 'string', value: str, loc };
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) return { ...number(), loc };
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return { ...node, loc };
      }
    }
    if (/[A-Za-z]/.test(ch)) return token();
    if (ctx === 'array' && ch === ']')
      fail(`Unexpected character ${describeChar(ch)}: expected a value`, i + 1);
    return fail(`Unexpected character ${describeChar(ch)}: expected a value`, i + 1);
  };

  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    while (true) {
      if (i >= text.length) fail(`Unexpected end-of-input in VALUE_STRING`, text.length);
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (esc === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Unexpected character in unicode escape', i + 2);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (esc !== undefined && esc in map) {
          out += map[esc];
          i += 2;
        } else {
          fail(`Unrecognized character escape ${describeChar(esc ?? '')}`, i + 2);
        }
        continue;
      }
      if (ch.charCodeAt(0) < 32) {
        fail(
          `Illegal unquoted character ${describeChar(ch)}: has to be escaped using backslash to be included in string value`,
          i + 1,
        );
      }
      out += ch;
      i++;
      void start;
    }
  };

  const number = (): JsonNode => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m || m[0] === '-')
      return fail(`Unexpected character ${describeChar(text[i + 1] ?? '')}: expected digit`, i + 2);
    i += m[0].length;
    return { kind: 'number', text: m[0], integral: m[2] === undefined && m[3] === undefined };
  };

  const object = (): JsonNode => {
    const start = i;
    i++;
    const entries: [string, JsonNode][] = [];
    const frame = { key: null as string | null };
    open.push(frame);
    ws();
    if (text[i] === '}') {
      i++;
      open.pop();
      return { kind: 'object', entries };
    }
    while (true) {
      ws();
      if (i >= text.length) endOfInput('Object', start);
      if (text[i] !== '"') {
        fail(
          `Unexpected character ${describeChar(text[i])}: was expecting double-quote to start field name`,
          i + 1,
        );
      }
      const key = string();
      ws();
      if (i >= text.length) endOfInput('Object', start);
      if (text[i] !== ':') {
        fail(
          `Unexpected character ${describeChar(text[i])}: was expecting a colon to separate field name and value`,
          i + 1,
        );
      }
      i++;
      frame.key = key;
      entries.push([key, value('object')]);
      frame.key = null;
      ws();
      if (i >= text.length) endOfInput('Object', start);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        open.pop();
        return { kind: 'object', entries };
      }
      fail(
        `Unexpected character ${describeChar(text[i])}: was expecting comma to separate Object entries`,
        i + 1,
      );
    }
  };

  const array = (): JsonNode => {
    const start = i;
    i++;
    const items: JsonNode[] = [];
    open.push({ key: null });
    ws();
    if (text[i] === ']') {
      i++;
      open.pop();
      return { kind: 'array', items };
    }
    while (true) {
      if (i >= text.length) endOfInput('Array', start);
      items.push(value('array'));
      ws();
      if (i >= text.length) endOfInput('Array', start);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        open.pop();
        return { kind: 'array', items };
      }
      fail(
        `Unexpected character ${describeChar(text[i])}: was expecting comma to separate Array entries`,
        i + 1,
      );
    }
  };

  const root = value('root');
  // Jackson's ObjectMapper.readValue ignores trailing content for JAX-RS providers.
  return root;
}

/** Plain JS value: objects keep insertion order, integers become bigint (internal JsonConverter: int64). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) out[k] = toPlain(v);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'string':
      return node.value;
    case 'number':
      return node.integral ? BigInt(node.text) : Number(node.text);
    case 'boolean':
      return node.value;
    case 'null':
      return null;
  }
}

export function parsePlain(text: string): unknown {
  return toPlain(parseJson(text));
}

/** JSON text for plain values; bigint is written as an exact integer, non-integral numbers like Java doubles. */
export function stringifyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return JSON.stringify(String(value));
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
  if (value instanceof Map) {
    return `{${[...value.entries()].map(([k, v]) => `${JSON.stringify(String(k))}:${stringifyJson(v)}`).join(',')}}`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`).join(',')}}`;
}
