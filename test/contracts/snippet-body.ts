/**
 * Resolves a VS Code snippet body as inserting it and accepting every placeholder does: tabstops
 * take their default (a choice its first option; a bare `$n` the default given elsewhere), escapes
 * `\$`, `\}`, `\\` become literal.
 */
export function resolveSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  let i = 0;
  const parse = (stopAtBrace: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1] ?? '')) {
        out += text[i + 1];
        i += 2;
      } else if (stopAtBrace && c === '}') return out;
      else if (c === '$' && text[i + 1] === '{') {
        i += 2;
        const m = /^(\d+|[A-Z_]+)/.exec(text.slice(i));
        const id = m?.[1] ?? '';
        i += id.length;
        let value = '';
        if (text[i] === ':') {
          i++;
          value = parse(true);
          defaults.set(id, value);
        } else if (text[i] === '|') {
          const end = text.indexOf('|}', i + 1);
          value = text.slice(i + 1, end).split(',')[0] ?? '';
          defaults.set(id, value);
          i = end + 1;
        } else value = defaults.get(id) ?? '';
        i++; // the closing brace
        out += value;
      } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
        const id = /^\d+/.exec(text.slice(i + 1))?.[0] ?? '';
        out += defaults.get(id) ?? '';
        i += 1 + id.length;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  // Two passes: a bare `$1` may come before the `${1:default}` that names the default.
  parse(false);
  i = 0;
  return parse(false);
}
