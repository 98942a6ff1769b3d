import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';
import { PRODUCTS_INDEX, exerciseById, searchIndexOf } from '../../src/lessons/catalog';
import type { ExerciseFacts, SeenRecord } from '../../src/lessons/checks';
import { checkExercise, reportText } from '../../src/lessons/checks';
import type { IndexFacts } from '../../src/lessons/search-facts';
import { readIndex } from '../../src/lessons/search-facts';

const running = (): ConnectorStateInfo => ({
  name: 'products-elasticsearch-sink',
  connector: { state: 'RUNNING', worker_id: 'w' },
  tasks: [{ id: 0, state: 'RUNNING', worker_id: 'w' }],
  type: 'sink',
});
const products = ['Laptop', 'Phone', 'Tablet', 'Headphones'].map((name, i) => ({
  id: i + 1,
  name,
  price: 'AYaf',
  created_at: 1,
}));
const rec = (offset: number, value: unknown): SeenRecord => ({
  offset: String(offset),
  raw: JSON.stringify(value),
  value,
  headers: {},
});
const index = (over: Partial<IndexFacts> = {}): IndexFacts => ({
  index: PRODUCTS_INDEX,
  url: 'http://127.0.0.1:9201',
  exists: true,
  count: products.length,
  docs: products.map((p, i) => ({ id: `pg-products+0+${i}`, source: { ...p } })),
  ...over,
});
function facts(over: Partial<ExerciseFacts> = {}): ExerciseFacts {
  return {
    connector: 'products-elasticsearch-sink',
    status: running(),
    topics: {
      'pg-products': { topic: 'pg-products', exists: true, records: products.map((p, i) => rec(i, p)) },
    },
    tables: {},
    index: index(),
    ...over,
  };
}
const firstProblem = (f: ExerciseFacts): string => {
  const r = checkExercise('sink', f);
  assert.equal(r.passed, false, reportText('ex2', r));
  return r.items.find((i) => !i.ok)?.problem ?? '';
};

void describe('Exercise 2 picks its sink from the lab', () => {
  void it('with a search engine: the lesson’s Elasticsearch sink, unchanged, started with the engine', () => {
    const e = exerciseById('sink', { searchAvailable: true });
    assert.ok(e);
    assert.equal(e.connector.name, 'products-elasticsearch-sink');
    assert.equal(e.connector.config['connection.url'], 'http://elasticsearch:9200');
    assert.deepEqual(e.changes, []);
    assert.deepEqual(e.steps[0].action, { kind: 'startLab', search: true });
    assert.match(e.summary, /runs a search engine/);
    assert.equal(searchIndexOf(e), 'pg-products');
  });

  void it('without one: the JDBC sink, says why, and offers the step that adds the engine', () => {
    const e = exerciseById('sink');
    assert.ok(e);
    assert.equal(e.connector.name, 'products-jdbc-sink');
    assert.match(e.summary, /no search engine/);
    assert.match(e.changes[0], /no search engine/);
    assert.deepEqual(e.steps[0].action, { kind: 'startLab' });
    assert.deepEqual(e.steps.find((s) => s.id === 'search')?.action, { kind: 'startLab', search: true });
    assert.equal(searchIndexOf(e), undefined);
  });
});

void describe('Check my work: Elasticsearch sink (pure)', () => {
  void it('passes with one document per record, each with the product fields', () => {
    const r = checkExercise('sink', facts());
    assert.equal(r.passed, true, reportText('ex2', r));
    assert.deepEqual(
      r.items.map((i) => i.label),
      [
        'Connector products-elasticsearch-sink and its tasks are RUNNING',
        'The lab’s search engine answers',
        'pg-products holds a product record to index',
        'Index pg-products holds one document per record of pg-products',
        'Documents of pg-products have the fields id, name, price, created_at',
        'Every product of pg-products is in pg-products',
      ],
    );
  });

  void it('engine not running / not answering', () => {
    assert.equal(
      firstProblem(facts({ index: index({ url: undefined, unreachable: 'x', exists: false }) })),
      'The lab runs no search engine.',
    );
    assert.equal(
      firstProblem(facts({ index: index({ unreachable: 'ECONNREFUSED', exists: false }) })),
      'The search engine at http://127.0.0.1:9201 is not answering (ECONNREFUSED).',
    );
  });

  void it('index missing, count short, count over', () => {
    assert.equal(
      firstProblem(facts({ index: index({ exists: false, count: 0, docs: [] }) })),
      'There is no index pg-products in the search engine yet.',
    );
    assert.equal(
      firstProblem(facts({ index: index({ count: 2 }) })),
      'Index pg-products has 2 document(s); pg-products holds 4 record(s).',
    );
    assert.match(firstProblem(facts({ index: index({ count: 6 }) })), /more than the 4 record\(s\)/);
  });

  void it('a document without the product fields, a product with no document', () => {
    const f = facts();
    const docs = f.index?.docs ?? [];
    docs[1].source = { id: 2, name: 'Phone' };
    assert.equal(firstProblem(f), 'Document pg-products+0+1 has no price, created_at (it has id, name).');
    const g = facts();
    (g.index?.docs ?? [])[3].source = { ...products[0] };
    assert.equal(firstProblem(g), 'Index pg-products has no document for product id 4.');
  });

  void it('not deployed, and no topic yet', () => {
    assert.match(firstProblem(facts({ status: undefined })), /not deployed/);
    assert.equal(
      firstProblem(facts({ status: running(), topics: {} })),
      'Topic pg-products does not exist yet.',
    );
  });

  void it('readIndex says the engine does not answer when nothing listens, and when the lab has none', async () => {
    const none = await readIndex(undefined, 'pg-products');
    assert.equal(none.unreachable, 'the lab runs no search engine');
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise((r) => server.close(r));
    const refused = await readIndex(`http://127.0.0.1:${port}`, 'pg-products', 3000);
    assert.equal(refused.exists, false);
    assert.equal(refused.unreachable, 'nothing listens there: ECONNREFUSED');
  });
});
