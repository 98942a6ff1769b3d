/**
 * The PatternSyntaxException message java.util.regex.Pattern.compile gives for the common syntax
 * errors, so a bad `regex` / `topics.regex` gets the same validation message as on a real worker:
 * `<description> near index <i>` + newline + the pattern + (when i is inside it) newline + a caret
 * under index i.
 *
 * Only the cases below are recognised; for anything else (counted closures `{n,m}`, unknown inline
 * flags, ...) this answers undefined and the caller falls back to its own message. It never flags a
 * pattern Java accepts: when unsure it gives up.
 */
export function javaPatternSyntaxMessage(pattern: string): string | undefined {
  const n = pattern.length;
  const fail = (description: string, index: number): string => {
    let message = index >= 0 ? `${description} near index ${index}` : description;
    message += `\n${pattern}`;
    if (index >= 0 && index < n) message += `\n${' '.repeat(index)}^`;
    return message;
  };
  let depth = 0;
  // At the start of a sequence (pattern start, after '(' or '|'): a quantifier here dangles.
  let atStart = true;
  // After a quantifier; after its lazy/possessive modifier another quantifier dangles too.
  let quantified = false;
  let modified = false;
  let i = 0;
  const atom = (next: number): void => {
    i = next;
    atStart = false;
    quantified = false;
    modified = false;
  };
  while (i < n) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= n) return fail('Unexpected internal error', n);
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        atom(end < 0 ? n : end + 2);
      } else atom(i + 2);
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++; // a ']' first in a class is a literal
      let level = 1;
      while (j < n && level > 0) {
        const ch = pattern[j];
        if (ch === '\\') j++;
        else if (ch === '[') level++;
        else if (ch === ']') level--;
        j++;
      }
      if (level > 0) return fail('Unclosed character class', n - 1);
      atom(j);
    } else if (c === '(') {
      i++;
      if (pattern[i] === '?') {
        const rest = pattern.slice(i + 1);
        const flags = /^[a-zA-Z-]*\)/.exec(rest);
        if (flags && /^[idmsuxU-]*\)$/.test(flags[0])) {
          // (?i) and friends set flags; they open no group and leave the sequence state as it was.
          i += 1 + flags[0].length;
          continue;
        }
        const opener = /^(?::|=|!|>|<=|<!|<[a-zA-Z][a-zA-Z0-9]*>)/.exec(rest);
        if (!opener) return undefined;
        i += 1 + opener[0].length;
      }
      depth++;
      atStart = true;
      quantified = false;
      modified = false;
    } else if (c === ')') {
      if (depth === 0) return fail("Unmatched closing ')'", i - 1);
      depth--;
      atom(i + 1);
    } else if (c === '|') {
      i++;
      atStart = true;
      quantified = false;
      modified = false;
    } else if (c === '*' || c === '+' || c === '?') {
      if (atStart) return fail(`Dangling meta character '${c}'`, i);
      if (quantified) {
        if (modified || c === '*') return fail(`Dangling meta character '${c}'`, i);
        modified = true;
      } else quantified = true;
      i++;
    } else if (c === '{') {
      return undefined; // counted closures: Java's rules here are intricate; not modelled
    } else atom(i + 1);
  }
  if (depth > 0) return fail('Unclosed group', n);
  return undefined;
}
