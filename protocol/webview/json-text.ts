/**
 * A JSON reader that keeps every number literal as its text, so int64 values (Debezium ts_ns,
 * lsn) are shown and compared exactly. Pure: usable on the host and in unit tests.
 */
export type JsonNode =
  | { k: 'null' }
  | { k: 'bool'; v: boolean }
  | { k: 'num'; v: string }
  | { k: 'str'; v: string }
  | { k: 'arr'; v: JsonNode[] }
  | { k: 'obj'; v: Array<[string, JsonNode]> };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 512;

/** Parses JSON text; returns undefined for anything that is not exactly one JSON value. */
export function parseJsonText(text: string): JsonNode | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = (): string => {
    // Delegate escapes to JSON.parse on the exact literal.
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new SyntaxError('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new SyntaxError('too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const v: Array<[string, JsonNode]> = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { k: 'obj', v };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new SyntaxError('key expected');
        const key = str();
        ws();
        if (text[i++] !== ':') throw new SyntaxError(': expected');
        v.push([key, value(depth + 1)]);
        ws();
        const d = text[i++];
        if (d === '}') return { k: 'obj', v };
        if (d !== ',') throw new SyntaxError(', expected');
      }
    }
    if (c === '[') {
      i++;
      const v: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { k: 'arr', v };
      }
      for (;;) {
        v.push(value(depth + 1));
        ws();
        const d = text[i++];
        if (d === ']') return { k: 'arr', v };
        if (d !== ',') throw new SyntaxError(', expected');
      }
    }
    if (c === '"') return { k: 'str', v: str() };
    if (text.startsWith('true', i)) {
      i += 4;
      return { k: 'bool', v: true };
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return { k: 'bool', v: false };
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return { k: 'null' };
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) throw new SyntaxError('value expected');
    i += m[0].length;
    return { k: 'num', v: m[0] };
  };
  try {
    const node = value(0);
    ws();
    return i === text.length ? node : undefined;
  } catch {
    return undefined;
  }
}

/** Compact JSON text of a node (number literals kept as read). */
export function compactJson(n: JsonNode): string {
  switch (n.k) {
    case 'null':
      return 'null';
    case 'bool':
      return String(n.v);
    case 'num':
      return n.v;
    case 'str':
      return JSON.stringify(n.v);
    case 'arr':
      return `[${n.v.map(compactJson).join(',')}]`;
    case 'obj':
      return `{${n.v.map(([k, v]) => `${JSON.stringify(k)}:${compactJson(v)}`).join(',')}}`;
  }
}

/** Two-space indented JSON text. */
export function prettyJson(n: JsonNode, indent = ''): string {
  const inner = indent + '  ';
  if (n.k === 'arr') {
    if (n.v.length === 0) return '[]';
    return `[\n${n.v.map((x) => inner + prettyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (n.k === 'obj') {
    if (n.v.length === 0) return '{}';
    return `{\n${n.v.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${prettyJson(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return compactJson(n);
}

export function field(n: JsonNode | undefined, name: string): JsonNode | undefined {
  return n?.k === 'obj' ? n.v.find(([k]) => k === name)?.[1] : undefined;
}

/** Scalar as plain text (strings unquoted); undefined for null/absent/containers. */
export function scalarText(n: JsonNode | undefined): string | undefined {
  if (!n || n.k === 'null' || n.k === 'arr' || n.k === 'obj') return undefined;
  return String(n.v);
}
