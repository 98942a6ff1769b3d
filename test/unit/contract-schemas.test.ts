/**
 * Drift guard (architecture practice 11): schemas/ is exactly what runtime/schemas/generate.ts makes
 * from today's ConfigDefs, and the lesson's connector JSONs validate against it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  allConnectors,
  allSmts,
  generateConnectorSchema,
  generateSchemaFiles,
} from '../../runtime/schemas/generate';
import { makeValidator, SCHEMAS_DIR } from '../contracts/schema-validator';

const LESSON_DIR = join(__dirname, '..', 'fixtures', 'lesson-configs');
const REGENERATE = 'node --import tsx runtime/schemas/write-schemas.ts';

void test('schemas/ matches the ConfigDefs (regenerate on drift)', () => {
  const onDisk = readdirSync(SCHEMAS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const generated = generateSchemaFiles();
  assert.deepEqual(
    onDisk,
    [...generated.keys()].sort(),
    `schemas/ has other files than generated; run ${REGENERATE}`,
  );
  for (const [file, text] of generated) {
    const disk = readFileSync(join(SCHEMAS_DIR, file), 'utf8');
    assert.ok(disk === text, `schemas/${file} drifted from the ConfigDefs: run ${REGENERATE}`);
  }
});

type Branch = {
  if: { properties: Record<string, { enum: string[] }> };
  then: { properties: Record<string, Record<string, unknown>>; required?: string[] };
};

void test('every connector key has a branch entry with docs, and every class and alias selects it', () => {
  const schema = generateConnectorSchema() as { definitions: { config: { allOf: Branch[] } } };
  const branches = schema.definitions.config.allOf;
  for (const c of allConnectors()) {
    const branch = branches.find((b) => b.if.properties['connector.class']?.enum[0] === c.className);
    assert.ok(branch, `no branch for ${c.className}`);
    assert.deepEqual(branch.if.properties['connector.class']?.enum, [c.className, ...c.aliases]);
    for (const key of c.configDef.configKeys().values()) {
      const s = branch.then.properties[key.name];
      assert.ok(s, `${c.className}: ${key.name} missing`);
      assert.match(String(s['markdownDescription']), /Type: `/);
    }
  }
});

void test('values are typed as Connect parses them', () => {
  const v = makeValidator();
  const base = { 'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector' };
  assert.deepEqual(
    v({ ...base, 'tasks.max': '2', 'poll.interval.ms': 1000, 'validate.non.null': true }).errors,
    [],
  );
  assert.deepEqual(v({ ...base, 'tasks.max': ' 3 ', 'errors.log.enable': 'TRUE' }).errors, []);
  assert.notDeepEqual(v({ ...base, 'tasks.max': 'two' }).errors, []);
  assert.notDeepEqual(v({ ...base, 'errors.log.enable': 'yes' }).errors, []);
  assert.notDeepEqual(v({ ...base, mode: 'sometimes' }).errors, []);
  assert.deepEqual(v({ ...base, mode: 'timestamp+incrementing' }).errors, []);
  assert.notDeepEqual(v({ ...base, 'errors.tolerance': 'some' }).errors, []);
  // Debezium's enums are case-insensitive, as its Field validators are.
  const pg = {
    'connector.class': 'Postgres',
    'topic.prefix': 'p',
    'database.hostname': 'h',
    'database.user': 'u',
    'database.dbname': 'd',
  };
  assert.deepEqual(v({ ...pg, 'plugin.name': 'PGOUTPUT' }).errors, []);
  assert.notDeepEqual(v({ ...pg, 'plugin.name': 'wal2json' }).errors, []);
  assert.notDeepEqual(v({ ...pg, 'topic.prefix': undefined }).errors, []);
});

void test('transforms.<alias>.type knows every SMT and predicate; any fully-qualified class is accepted', () => {
  const v = makeValidator();
  const base = { 'connector.class': 'FileStreamSource', topic: 'x', transforms: 't', predicates: 'p' };
  for (const smt of allSmts()) {
    const prefix = smt.type === 'transformation' ? 'transforms.t' : 'predicates.p';
    for (const name of [smt.className, ...smt.aliases]) {
      assert.deepEqual(v({ ...base, [`${prefix}.type`]: name }).errors, [], name);
    }
  }
  assert.deepEqual(v({ ...base, 'transforms.t.type': 'com.example.MyTransform' }).errors, []);
  assert.notDeepEqual(v({ ...base, 'transforms.t.type': 'NoSuchAlias' }).errors, []);
  assert.notDeepEqual(v({ ...base, 'transforms.t.negate': 'maybe' }).errors, []);
});

void test('both file shapes: {name, config} needs a name, the flat map does not', () => {
  const v = makeValidator();
  assert.deepEqual(v({ 'connector.class': 'FileStreamSink', topics: 't' }).errors, []);
  assert.deepEqual(v({ name: 'n', config: { 'connector.class': 'FileStreamSink', topics: 't' } }).errors, []);
  assert.notDeepEqual(v({ config: { 'connector.class': 'FileStreamSink' } }).errors, []);
  assert.notDeepEqual(v({ name: 'n', config: { topics: 't' } }).errors, []);
});

void test("the lesson's connector JSONs validate; postgres-cdc.json fails as real Debezium 3.x rejects it", () => {
  const v = makeValidator();
  const files = readdirSync(LESSON_DIR).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 7);
  for (const f of files) {
    const doc = JSON.parse(readFileSync(join(LESSON_DIR, f), 'utf8')) as { config: unknown };
    const report = v(doc);
    if (f === 'postgres-cdc.json') {
      assert.ok(
        report.errors.some((e) => /topic\.prefix/.test(e) && /rejects/.test(e)),
        JSON.stringify(report),
      );
      assert.ok(report.errors.some((e) => /required property 'topic.prefix'/.test(e)));
    } else assert.deepEqual(report.errors, [], f);
    if (f.includes('elasticsearch')) assert.ok(report.warnings.some((w) => /type\.name/.test(w)));
    assert.deepEqual(
      v(doc.config).errors,
      report.errors.map((e) => e.replace(/^\/config/, '').replace(/^ /, '/ ')),
      `${f} (flat)`,
    );
  }
});
