import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  PRODUCTS_ELASTICSEARCH_SINK,
  PRODUCTS_SOURCE,
  connectorFileText,
  exercises,
} from '../../src/lessons/catalog';
import { walkthroughPages } from '../../src/lessons/walkthrough-media';

const ROOT = join(__dirname, '..', '..');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'lesson-configs', name), 'utf8'));

void describe('lesson catalog', () => {
  void it('exercise 1 and the Elasticsearch sink are the lesson JSON unchanged', () => {
    assert.deepEqual(
      JSON.parse(connectorFileText(PRODUCTS_SOURCE)),
      fixture('postgres-products-source.json'),
    );
    assert.deepEqual(
      JSON.parse(connectorFileText(PRODUCTS_ELASTICSEARCH_SINK)),
      fixture('products-elasticsearch-sink.json'),
    );
  });

  void it('where the JSON differs from the lesson, every changed key is a documented addition', () => {
    const byFixture: Record<string, string> = {
      cdc: 'postgres-cdc.json',
      smt: 'orders-source.json',
      dlq: 'orders-sink.json',
    };
    for (const e of exercises()) {
      const name = byFixture[e.id];
      if (!name) continue;
      const lesson = (fixture(name) as { config: Record<string, string> }).config;
      const changed = Object.keys({ ...lesson, ...e.connector.config }).filter(
        (k) => lesson[k] !== e.connector.config[k],
      );
      assert.ok(e.changes.length > 0, `${e.id} lists its changes`);
      for (const k of changed.filter((k) => k in lesson && !(k in e.connector.config)))
        assert.fail(`${e.id} drops the lesson's ${k}`);
      for (const k of changed) {
        const mentioned = e.changes.some(
          (c) => c.includes(k) || (k.startsWith('connection.') && c.includes('connection.user/password')),
        );
        assert.ok(
          mentioned || k === 'tasks.max' || k === 'incrementing.column.name',
          `${e.id}: ${k} is explained in changes`,
        );
      }
    }
  });

  void it('every exercise has the one-click steps the issue lists, ending with Check my work', () => {
    const all = exercises();
    assert.deepEqual(
      all.map((e) => e.id),
      ['jdbc-source', 'sink', 'dlq', 'cdc', 'smt'],
    );
    for (const e of all) {
      assert.equal(e.steps[0].action.kind, 'startLab', e.id);
      assert.equal(e.steps.at(-1)?.action.kind, 'check', e.id);
      assert.ok(e.steps.some((s) => s.action.kind === 'deploy'));
      assert.ok(e.steps.some((s) => s.action.kind === 'openConnectorFile'));
      assert.equal(new Set(e.steps.map((s) => s.id)).size, e.steps.length, `${e.id}: unique step ids`);
    }
    const kinds = new Set(all.flatMap((e) => e.steps.map((s) => s.action.kind)));
    for (const k of ['runSql', 'openRecords', 'produce'] as const) assert.ok(kinds.has(k), k);
    assert.equal(exercises({ searchAvailable: true })[1].connector.name, 'products-elasticsearch-sink');
  });

  void it('the walkthrough media pages match the catalog', () => {
    for (const { id, text: want } of walkthroughPages()) {
      const file = join(ROOT, 'media', 'lessons', `${id}.md`);
      if (process.env.KCL_UPDATE_LESSON_MEDIA === '1') writeFileSync(file, want);
      assert.equal(readFileSync(file, 'utf8'), want, `${file} is stale: run with KCL_UPDATE_LESSON_MEDIA=1`);
    }
  });
});
