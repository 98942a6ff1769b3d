/**
 * Drift guard (architecture practice 11): snippets/ is what runtime/schemas/snippets.ts generates,
 * offers every lesson example and a skeleton per connector class, SMT and predicate, and every body
 * (placeholders at their defaults) validates against schemas/ without errors.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allConnectors, allSmts } from '../../runtime/schemas/generate';
import { LESSON_EXAMPLES } from '../../runtime/schemas/lesson-examples';
import { generateSnippets, SNIPPETS_FILE } from '../../runtime/schemas/snippets';
import type { Snippet } from '../../runtime/schemas/snippets';
import { resolveSnippet } from '../contracts/snippet-body';
import { makeValidator } from '../contracts/schema-validator';

const SNIPPETS = join(__dirname, '..', '..', 'snippets', SNIPPETS_FILE);
const LESSON_DIR = join(__dirname, '..', 'fixtures', 'lesson-configs');

function onDisk(): Record<string, Snippet> {
  return JSON.parse(readFileSync(SNIPPETS, 'utf8')) as Record<string, Snippet>;
}

void test('snippets/ matches the generator (regenerate on drift)', () => {
  assert.ok(
    readFileSync(SNIPPETS, 'utf8') === `${JSON.stringify(generateSnippets(), null, 2)}\n`,
    'snippets/ drifted: run node --import tsx runtime/schemas/write-schemas.ts',
  );
});

void test(
  "the lesson examples embedded in the generator equal the lesson's files",
  { skip: !existsSync(LESSON_DIR) },
  () => {
    const files = readdirSync(LESSON_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    assert.deepEqual(
      LESSON_EXAMPLES.map((e) => e.file),
      files,
    );
    for (const e of LESSON_EXAMPLES) {
      assert.deepEqual(e.doc, JSON.parse(readFileSync(join(LESSON_DIR, e.file), 'utf8')), e.file);
    }
  },
);

void test('a snippet per lesson example, connector class, SMT and predicate', () => {
  const snippets = onDisk();
  const descriptions = Object.values(snippets).map((s) => s.description);
  for (const e of LESSON_EXAMPLES)
    assert.ok(
      descriptions.some((d) => d.includes(e.file)),
      e.file,
    );
  for (const c of allConnectors())
    assert.ok(
      descriptions.some((d) => d.startsWith(`${c.className} `)),
      c.className,
    );
  for (const s of allSmts())
    assert.ok(
      descriptions.some((d) => d.startsWith(`${s.className} `)),
      s.className,
    );
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'snippet prefixes are unique');
});

void test('every snippet body, placeholders resolved, validates against schemas/', () => {
  const validate = makeValidator();
  for (const [name, s] of Object.entries(onDisk())) {
    const text = resolveSnippet(s.body);
    const doc = text.trimStart().startsWith('{')
      ? (JSON.parse(text) as unknown)
      : // SMT snippets are keys to insert inside "config": validate them in a minimal connector.
        (JSON.parse(`{"connector.class": "FileStreamSource", "topic": "t", ${text}}`) as unknown);
    assert.deepEqual(validate(doc).errors, [], `${name}: ${text}`);
  }
});

void test('resolveSnippet: defaults, choices, mirrors and escapes', () => {
  assert.equal(
    resolveSnippet(['"$1-${1:a}"', '"${2|x,y|}" \\$1 ${3:\\${secret:k\\}}']),
    '"a-a"\n"x" $1 ${secret:k}',
  );
});
