/**
 * Java's PatternSyntaxException messages for bad `regex` values. The expected texts are facts
 * captured from java.util.regex.Pattern.compile (OpenJDK 17, the JDK the real worker runs on here);
 * the REST differential (validate-smt-bad-regex) checks the same against the real Connect worker.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaPatternSyntaxMessage } from '../../runtime/config/java-pattern-syntax';
import { TransformsRegexValidator } from '../../runtime/transforms/util/regex-validator';
import { RegexValidator } from '../../runtime/config/validators';

const JAVA: [string, string][] = [
  ['([a-z', 'Unclosed character class near index 4\n([a-z\n    ^'],
  ['(abc', 'Unclosed group near index 4\n(abc'],
  ['a)', "Unmatched closing ')' near index 0\na)\n^"],
  [')', "Unmatched closing ')'\n)"],
  ['(a))', "Unmatched closing ')' near index 2\n(a))\n  ^"],
  ['*orders', "Dangling meta character '*' near index 0\n*orders\n^"],
  ['+x', "Dangling meta character '+' near index 0\n+x\n^"],
  ['a|*b', "Dangling meta character '*' near index 2\na|*b\n  ^"],
  ['(?i)(', 'Unclosed group near index 5\n(?i)('],
  ['(?i)*', "Dangling meta character '*' near index 4\n(?i)*\n    ^"],
  ['[]', 'Unclosed character class near index 1\n[]\n ^'],
  ['[^]', 'Unclosed character class near index 2\n[^]\n  ^'],
  ['[[a]', 'Unclosed character class near index 3\n[[a]\n   ^'],
  ['\\', 'Unexpected internal error near index 1\n\\'],
  ['(*a)', "Dangling meta character '*' near index 1\n(*a)\n ^"],
  ['(?:*a)', "Dangling meta character '*' near index 3\n(?:*a)\n   ^"],
  ['(?<n>*)', "Dangling meta character '*' near index 5\n(?<n>*)\n     ^"],
  ['a**', "Dangling meta character '*' near index 2\na**\n  ^"],
  ['a?*', "Dangling meta character '*' near index 2\na?*\n  ^"],
  ['a*??', "Dangling meta character '?' near index 3\na*??\n   ^"],
  ['((', 'Unclosed group near index 2\n(('],
];

/** Patterns Java compiles: never flagged. */
const JAVA_ACCEPTS = [
  '(.*)',
  'prod-(.*)',
  '(?i)orders.*',
  '[]a]',
  '[^]]',
  '[\\]]',
  '[a&&[b]]',
  '^*',
  'a$*',
  'a|',
  '\\Q(\\E*',
  '\\Q*\\E',
  'a*?',
  'a*+',
  'a??',
  '((a)|b)*',
  '(?<=a)b',
  '(?<!x)y',
  'a(?=b)c',
  '(?x)a b',
  '(?i:abc)',
  '.*-(\\d+)$',
  '[a-z]+\\.(json|avro)',
  '\\\\d+',
];

void describe("Java's PatternSyntaxException text for bad regexes", () => {
  for (const [pattern, message] of JAVA) {
    void it(`${JSON.stringify(pattern)} → ${JSON.stringify(message.split('\n')[0])}`, () => {
      assert.equal(javaPatternSyntaxMessage(pattern), message);
    });
  }

  void it('flags none of the patterns Java accepts', () => {
    for (const p of JAVA_ACCEPTS) assert.equal(javaPatternSyntaxMessage(p), undefined, p);
  });

  void it('both regex validators report it after Connect\'s "Invalid regex: " prefix on the key', () => {
    for (const validator of [new TransformsRegexValidator(), new RegexValidator()]) {
      assert.throws(
        () => validator.ensureValid('regex', '*orders'),
        (e: Error) =>
          e.message ===
          "Invalid value *orders for configuration regex: Invalid regex: Dangling meta character '*' near index 0\n*orders\n^",
      );
      assert.doesNotThrow(() => validator.ensureValid('regex', 'prod-(.*)'));
    }
  });
});
