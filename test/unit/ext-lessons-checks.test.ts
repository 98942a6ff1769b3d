import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';
import { POISON_RECORD } from '../../src/lessons/catalog';
import type { ExerciseFacts, SeenRecord } from '../../src/lessons/checks';
import { DLQ_HEADERS, checkExercise, reportText } from '../../src/lessons/checks';
import { decodeValue } from '../../src/lessons/live-facts';

const running = (name: string): ConnectorStateInfo => ({
  name,
  connector: { state: 'RUNNING', worker_id: 'w' },
  tasks: [{ id: 0, state: 'RUNNING', worker_id: 'w' }],
  type: 'source',
});
const rec = (offset: number, value: unknown, headers: Record<string, string> = {}): SeenRecord => ({
  offset: String(offset),
  raw: typeof value === 'string' ? value : JSON.stringify(value),
  value,
  headers,
});
const products = ['Laptop', 'Phone', 'Tablet', 'Headphones'].map((name, i) => ({
  id: i + 1,
  name,
  price: 'AYaf',
  created_at: 1,
}));

function ex1(over: Partial<ExerciseFacts> = {}): ExerciseFacts {
  return {
    connector: 'postgres-products-source',
    status: running('postgres-products-source'),
    topics: {
      'pg-products': { topic: 'pg-products', exists: true, records: products.map((p, i) => rec(i, p)) },
    },
    tables: { 'postgres.products': products.map(({ id, name }) => ({ id, name })) },
    ...over,
  };
}

void describe('Check my work (pure checks)', () => {
  void it('exercise 1 passes when the connector runs and every row is in pg-products', () => {
    const r = checkExercise('jdbc-source', ex1());
    assert.equal(r.passed, true, reportText('ex1', r));
  });

  void it('exercise 1: not deployed → says so and which steps to run', () => {
    const r = checkExercise('jdbc-source', ex1({ status: undefined }));
    assert.equal(r.passed, false);
    assert.match(r.items[0].problem ?? '', /not deployed/);
    assert.match(r.items[0].tryThis ?? '', /Deploy the connector/);
  });

  void it('exercise 1: a failed task is explained from its trace', () => {
    const status = running('postgres-products-source');
    status.tasks[0] = {
      id: 0,
      state: 'FAILED',
      worker_id: 'w',
      trace:
        'org.apache.kafka.common.config.ConfigException: Task is being killed because it was not assigned a table nor a query to execute.',
    };
    const r = checkExercise('jdbc-source', ex1({ status }));
    assert.equal(r.items[0].ok, false);
    assert.equal(r.items[0].explanation?.kind, 'missing-table');
    assert.match(r.items[0].problem ?? '', /Task 0 is FAILED: The connector was pointed at a table/);
  });

  void it('exercise 1: a row missing from the topic and no Headphones yet', () => {
    const f = ex1();
    f.topics['pg-products'].records.pop();
    f.tables['postgres.products']?.pop();
    f.tables['postgres.products']?.push({ id: 9, name: 'Mouse' });
    const r = checkExercise('jdbc-source', f);
    const failed = r.items.filter((i) => !i.ok).map((i) => i.problem);
    assert.deepEqual(failed, [
      'pg-products has no record for name Mouse.',
      'There is no Headphones row in products yet.',
    ]);
  });

  void it('exercise 1: records without fields (a StringConverter, say) are named', () => {
    const f = ex1();
    f.topics['pg-products'].records[1] = rec(1, 'Struct{id=2}');
    const r = checkExercise('jdbc-source', f);
    assert.match(r.items.find((i) => !i.ok)?.problem ?? '', /offset 1 is not a structured value/);
  });

  void it('exercise 2 (JDBC sink): missing table and missing rows', () => {
    const base: ExerciseFacts = {
      connector: 'products-jdbc-sink',
      status: running('products-jdbc-sink'),
      topics: ex1().topics,
      tables: { 'warehouse.products': undefined },
    };
    assert.match(checkExercise('sink', base).items[2].problem ?? '', /does not exist in database warehouse/);
    base.tables['warehouse.products'] = [{ id: 1 }, { id: 2 }];
    assert.match(checkExercise('sink', base).items[2].problem ?? '', /no row for id 3, 4/);
    base.tables['warehouse.products'] = products.map(({ id }) => ({ id }));
    assert.equal(checkExercise('sink', base).passed, true);
  });

  void it('exercise 3: the DLQ record needs the poison value and the context headers', () => {
    const headers = Object.fromEntries(DLQ_HEADERS.map((h) => [h, 'x']));
    const f: ExerciseFacts = {
      connector: 'orders-sink',
      status: running('orders-sink'),
      topics: {
        'orders-dlq': { topic: 'orders-dlq', exists: true, records: [rec(0, POISON_RECORD, headers)] },
      },
      tables: { 'warehouse.orders': [{ id: 1 }, { id: 2 }, { id: 3 }] },
    };
    assert.equal(checkExercise('dlq', f).passed, true);
    f.topics['orders-dlq'].records = [rec(0, POISON_RECORD, {})];
    assert.match(checkExercise('dlq', f).items[3].tryThis ?? '', /context\.headers\.enable/);
    f.topics['orders-dlq'] = { topic: 'orders-dlq', exists: false, records: [] };
    const r = checkExercise('dlq', f);
    assert.match(r.items[2].problem ?? '', /Topic orders-dlq does not exist yet/);
    assert.match(r.items[2].tryThis ?? '', /errors\.tolerance=all/);
  });

  void it('exercise 4 (CDC): needs c/r, an update with before, a delete with before and null after', () => {
    const topic = 'dbserver1.public.customers';
    const f: ExerciseFacts = {
      connector: 'postgres-cdc',
      status: running('postgres-cdc'),
      topics: {
        [topic]: { topic, exists: true, records: [rec(0, { op: 'r', before: null, after: { id: 1 } })] },
      },
      tables: {},
    };
    let r = checkExercise('cdc', f);
    assert.deepEqual(
      r.items.filter((i) => !i.ok).map((i) => i.problem),
      ['No update event (op "u") yet.', 'No delete event (op "d") yet.'],
    );
    f.topics[topic].records.push(rec(1, { op: 'u', before: null, after: { id: 1 } }));
    r = checkExercise('cdc', f);
    assert.match(r.items[3].tryThis ?? '', /REPLICA IDENTITY FULL/);
    f.topics[topic].records.push(
      rec(2, { op: 'u', before: { id: 1 }, after: { id: 1 } }),
      rec(3, { op: 'd', before: { id: 2 }, after: null }),
    );
    f.topics[topic].records.splice(1, 1);
    assert.equal(checkExercise('cdc', f).passed, true);
  });

  void it('exercise 5 (SMT): unmasked ssn, missing ingested_at, records in the un-routed topic', () => {
    const order = (id: number, extra: Record<string, unknown>) => ({
      id,
      customer: 'c',
      amount: 'AQ==',
      ...extra,
    });
    const f: ExerciseFacts = {
      connector: 'orders-source',
      status: running('orders-source'),
      topics: {
        'prod-orders': {
          topic: 'prod-orders',
          exists: true,
          records: [
            rec(0, order(1, { ssn: '', ingested_at: 1 })),
            rec(1, order(2, { ssn: '', ingested_at: 2 })),
          ],
        },
        orders: { topic: 'orders', exists: false, records: [] },
      },
      tables: { 'mydb.orders': [{ id: 1 }, { id: 2 }] },
    };
    assert.equal(checkExercise('smt', f).passed, true);
    f.topics['prod-orders'].records[1] = rec(1, order(2, { ssn: '987-65-4321', ingested_at: 2 }));
    assert.match(
      checkExercise('smt', f).items.find((i) => !i.ok)?.problem ?? '',
      /still shows ssn "987-65-4321"/,
    );
    f.topics['prod-orders'].records[1] = rec(1, order(2, { ssn: '' }));
    assert.match(checkExercise('smt', f).items.find((i) => !i.ok)?.problem ?? '', /has no ingested_at/);
    f.topics['prod-orders'] = { topic: 'prod-orders', exists: false, records: [] };
    f.topics.orders = { topic: 'orders', exists: true, records: [rec(0, order(1, { ssn: '' }))] };
    assert.match(checkExercise('smt', f).items[1].problem ?? '', /went to topic orders, not prod-orders/);
  });

  void it('decodeValue unwraps the JsonConverter envelope and keeps other text', () => {
    assert.deepEqual(decodeValue('{"schema":{"type":"int32"},"payload":5}'), 5);
    assert.deepEqual(decodeValue('{"a":1}'), { a: 1 });
    assert.equal(decodeValue(POISON_RECORD), POISON_RECORD);
    assert.equal(decodeValue(null), null);
  });
});
