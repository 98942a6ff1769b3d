/**
 * "Check my work": what the live cluster must show for each exercise, as pure functions of the
 * facts gathered by live-facts.ts (connector status, topic records, table rows). Every failed item
 * says in plain words what is wrong and what to try.
 */
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';
import type { ExerciseId } from './catalog';
import { CDC_TOPIC, ORDERS_DLQ, POISON_RECORD, SMT_TOPIC } from './catalog';
import type { Explanation } from './explain';
import { explainFailure } from './explain';
import type { IndexFacts } from './search-facts';

/** One record read back from a topic. `value` is the decoded payload (JSON envelope unwrapped). */
export interface SeenRecord {
  offset: string;
  raw: string | null;
  value: unknown;
  headers: Record<string, string>;
}

export interface TopicFacts {
  topic: string;
  exists: boolean;
  records: SeenRecord[];
}

export interface ExerciseFacts {
  connector: string;
  /** undefined: not deployed. */
  status: ConnectorStateInfo | undefined;
  topics: Record<string, TopicFacts>;
  /** Rows of the tables the exercise reads or writes, by "database.table"; undefined: no such table. */
  tables: Record<string, Record<string, unknown>[] | undefined>;
  /** Exercise 2 with the Elasticsearch sink: the index in the lab's search engine. */
  index?: IndexFacts;
}

export interface CheckItem {
  ok: boolean;
  label: string;
  /** When not ok: what is wrong. */
  problem?: string;
  /** When not ok: what to try. */
  tryThis?: string;
  explanation?: Explanation;
}

export interface CheckReport {
  exercise: ExerciseId;
  passed: boolean;
  items: CheckItem[];
}

const pass = (label: string): CheckItem => ({ ok: true, label });
const fail = (label: string, problem: string, tryThis: string, explanation?: Explanation): CheckItem => ({
  ok: false,
  label,
  problem,
  tryThis,
  explanation,
});

/** The connector and all its tasks RUNNING; a failure is explained from its trace. */
export function checkRunning(f: ExerciseFacts): CheckItem {
  const label = `Connector ${f.connector} and its tasks are RUNNING`;
  const s = f.status;
  if (!s) {
    return fail(
      label,
      `${f.connector} is not deployed on the lab's Connect cluster.`,
      'Run the steps "Open the connector file" and "Deploy the connector".',
    );
  }
  const trace = s.connector.trace ?? s.tasks.find((t) => t.trace)?.trace;
  if (s.connector.state !== 'RUNNING') {
    const e = trace ? explainFailure(trace) : undefined;
    return fail(
      label,
      `The connector is ${s.connector.state}${e ? `: ${e.what}` : '.'}`,
      e?.next ??
        (s.connector.state === 'PAUSED' || s.connector.state === 'STOPPED'
          ? 'Resume it from the Clusters view.'
          : 'Open its trace from the Clusters view ("Explain This Failure").'),
      e,
    );
  }
  if (s.tasks.length === 0) {
    return fail(
      label,
      'The connector runs but has no tasks yet.',
      'Wait a few seconds and check again; if it stays at 0 tasks, look at the connector log (Show Logs).',
    );
  }
  const bad = s.tasks.find((t) => t.state !== 'RUNNING');
  if (bad) {
    const e = bad.trace ? explainFailure(bad.trace) : undefined;
    return fail(
      label,
      `Task ${bad.id} is ${bad.state}${e ? `: ${e.what}` : '.'}`,
      e
        ? /restart the task/i.test(e.next)
          ? e.next
          : `${e.next} Then restart the task (Clusters view).`
        : 'Use "Explain This Failure" on the task.',
      e,
    );
  }
  return pass(label);
}

function topicItem(
  f: ExerciseFacts,
  topic: string,
  min: number,
  what: string,
  tryThis: string,
): { item: CheckItem; records: SeenRecord[] } {
  const t = f.topics[topic];
  const records = t?.records ?? [];
  const label = `${topic} holds ${min === 1 ? 'a' : `at least ${min}`} ${what}`;
  if (!t?.exists) return { item: fail(label, `Topic ${topic} does not exist yet.`, tryThis), records };
  if (records.length < min)
    return {
      item: fail(label, `${topic} has ${records.length} record(s); expected at least ${min}.`, tryThis),
      records,
    };
  return { item: pass(label), records };
}

function fieldsItem(topic: string, records: SeenRecord[], fields: string[]): CheckItem {
  const label = `Records of ${topic} have the fields ${fields.join(', ')}`;
  for (const r of records) {
    if (!isObject(r.value)) {
      return fail(
        label,
        `Record at offset ${r.offset} is not a structured value: ${short(r.raw)}`,
        'Keep the JsonConverter (the default) so records carry their fields.',
      );
    }
    const missing = fields.filter((k) => !(k in (r.value as Record<string, unknown>)));
    if (missing.length > 0) {
      return fail(
        label,
        `Record at offset ${r.offset} has no ${missing.join(', ')} (it has ${Object.keys(r.value).join(', ')}).`,
        'Compare the connector file with the exercise (table, columns, transforms) and deploy again.',
      );
    }
  }
  return pass(label);
}

/** Every value of `column` in the table shows up in the topic's `field`. */
function allRowsItem(
  topic: string,
  records: SeenRecord[],
  rows: Record<string, unknown>[] | undefined,
  table: string,
  column: string,
  tryThis: string,
): CheckItem {
  const label = `Every row of ${table} is in ${topic}`;
  if (!rows) return fail(label, `Table ${table} does not exist.`, 'Run the exercise’s SQL step first.');
  const seen = new Set(records.map((r) => String(field(r.value, column))));
  const missing = rows.map((r) => String(r[column])).filter((v) => !seen.has(v));
  if (missing.length > 0) {
    return fail(label, `${topic} has no record for ${column} ${missing.slice(0, 5).join(', ')}.`, tryThis);
  }
  return pass(label);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function field(v: unknown, k: string): unknown {
  return isObject(v) ? v[k] : undefined;
}
function short(s: string | null): string {
  if (s === null) return '(null)';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function checkJdbcSource(f: ExerciseFacts): CheckItem[] {
  const { item, records } = topicItem(
    f,
    'pg-products',
    3,
    'product records',
    'Create and seed the products table (SQL step), deploy the connector, then give it a few seconds (it polls every 5 s).',
  );
  const items = [checkRunning(f), item];
  if (!item.ok) return items;
  items.push(fieldsItem('pg-products', records, ['id', 'name', 'price', 'created_at']));
  items.push(
    allRowsItem(
      'pg-products',
      records,
      f.tables['postgres.products'],
      'products',
      'name',
      'New rows arrive on the next poll (poll.interval.ms, 5 s by default): check again in a few seconds.',
    ),
  );
  const headphones = f.tables['postgres.products']?.some((r) => r.name === 'Headphones');
  items.push(
    headphones
      ? pass('You added a row after deploying (Headphones)')
      : fail(
          'You added a row after deploying (Headphones)',
          'There is no Headphones row in products yet.',
          'Run the step "Insert Headphones" and watch it arrive in the records view.',
        ),
  );
  return items;
}

function checkJdbcSink(f: ExerciseFacts): CheckItem[] {
  const { item, records } = topicItem(
    f,
    'pg-products',
    1,
    'product record to copy',
    'Finish Exercise 1 first: the sink reads its topic pg-products.',
  );
  const items = [checkRunning(f), item];
  if (!item.ok) return items;
  const rows = f.tables['warehouse.products'];
  const label = 'Every product of pg-products is in warehouse.products';
  if (!rows) {
    items.push(
      fail(
        label,
        'Table products does not exist in database warehouse yet.',
        'The sink creates it ("auto.create": "true") on its first record: check that the connector runs, then check again.',
      ),
    );
    return items;
  }
  const have = new Set(rows.map((r) => String(r.id)));
  const missing = records.map((r) => String(field(r.value, 'id'))).filter((id) => !have.has(id));
  items.push(
    missing.length === 0
      ? pass(label)
      : fail(
          label,
          `warehouse.products has no row for id ${[...new Set(missing)].slice(0, 5).join(', ')}.`,
          'The sink commits in batches: check again in a few seconds.',
        ),
  );
  return items;
}

/** The fields every document of the index must have: the columns of products. */
export const PRODUCT_FIELDS = ['id', 'name', 'price', 'created_at'];

/** Exercise 2, Elasticsearch variant: one document per pg-products record, with the product's fields. */
function checkElasticsearchSink(f: ExerciseFacts, ix: IndexFacts): CheckItem[] {
  const items = [checkRunning(f)];
  const engineLabel = 'The lab’s search engine answers';
  if (ix.unreachable !== undefined) {
    items.push(
      fail(
        engineLabel,
        ix.url
          ? `The search engine at ${ix.url} is not answering (${ix.unreachable}).`
          : 'The lab runs no search engine.',
        'Run the step "Start the lab with its search engine" (OpenSearch can take a minute or two to start).',
      ),
    );
    return items;
  }
  items.push(pass(engineLabel));
  const { item, records } = topicItem(
    f,
    'pg-products',
    1,
    'product record to index',
    'Finish Exercise 1 first: the sink reads its topic pg-products.',
  );
  items.push(item);
  if (!item.ok) return items;
  const countLabel = `Index ${ix.index} holds one document per record of pg-products`;
  if (!ix.exists) {
    items.push(
      fail(
        countLabel,
        `There is no index ${ix.index} in the search engine yet.`,
        'The sink creates it on its first record: check that the connector runs and its connection.url is http://elasticsearch:9200, then check again.',
      ),
    );
    return items;
  }
  if (ix.count < records.length) {
    items.push(
      fail(
        countLabel,
        `Index ${ix.index} has ${ix.count} document(s); pg-products holds ${records.length} record(s).`,
        'The sink writes in batches (linger.ms): check again in a few seconds.',
      ),
    );
    return items;
  }
  if (ix.count > records.length) {
    items.push(
      fail(
        countLabel,
        `Index ${ix.index} has ${ix.count} document(s), more than the ${records.length} record(s) of pg-products: documents from an earlier run are left.`,
        `Delete the index (DELETE ${ix.url ?? ''}/${ix.index}), "Reset exercise" and deploy again.`,
      ),
    );
    return items;
  }
  items.push(pass(countLabel));
  const fieldsLabel = `Documents of ${ix.index} have the fields ${PRODUCT_FIELDS.join(', ')}`;
  const lacking = ix.docs.find((d) => PRODUCT_FIELDS.some((k) => !(k in d.source)));
  if (lacking) {
    const missing = PRODUCT_FIELDS.filter((k) => !(k in lacking.source));
    items.push(
      fail(
        fieldsLabel,
        `Document ${lacking.id} has no ${missing.join(', ')} (it has ${Object.keys(lacking.source).join(', ') || 'no fields'}).`,
        'Keep "schema.ignore": "true" and the JsonConverter so each document is the record’s value, then deploy again.',
      ),
    );
    return items;
  }
  items.push(pass(fieldsLabel));
  const indexed = new Set(ix.docs.map((d) => String(d.source.id)));
  const absent = [...new Set(records.map((r) => String(field(r.value, 'id'))))].filter(
    (id) => !indexed.has(id),
  );
  items.push(
    absent.length === 0
      ? pass(`Every product of pg-products is in ${ix.index}`)
      : fail(
          `Every product of pg-products is in ${ix.index}`,
          `Index ${ix.index} has no document for product id ${absent.slice(0, 5).join(', ')}.`,
          'The sink writes in batches: check again in a few seconds.',
        ),
  );
  return items;
}

function checkSink(f: ExerciseFacts): CheckItem[] {
  return f.index ? checkElasticsearchSink(f, f.index) : checkJdbcSink(f);
}

/** The DLQ record must carry the poison value and Connect's error context headers. */
export const DLQ_HEADERS = [
  '__connect.errors.topic',
  '__connect.errors.stage',
  '__connect.errors.exception.class.name',
  '__connect.errors.exception.message',
];

function checkDlq(f: ExerciseFacts): CheckItem[] {
  const items = [checkRunning(f)];
  const rows = f.tables['warehouse.orders'];
  const goodLabel = 'The good orders reached warehouse.orders';
  items.push(
    rows && rows.length >= 3
      ? pass(goodLabel)
      : fail(
          goodLabel,
          rows
            ? `warehouse.orders has ${rows.length} row(s); expected 3.`
            : 'Table warehouse.orders does not exist yet.',
          'Run the step "Send 3 good orders"; the sink creates the table on its first record.',
        ),
  );
  const { item, records } = topicItem(
    f,
    ORDERS_DLQ,
    1,
    'bad record',
    'Check that the connector file sets errors.tolerance=all and errors.deadletterqueue.topic.name, then run "Send a poison record".',
  );
  items.push(item);
  if (!item.ok) return items;
  const poison = records.find((r) => r.raw === POISON_RECORD);
  const poisonLabel = `The poison record is in ${ORDERS_DLQ} with its error headers`;
  if (!poison) {
    items.push(
      fail(
        poisonLabel,
        `${ORDERS_DLQ} has records, but none is the poison record "${POISON_RECORD}".`,
        'Run "Send a poison record".',
      ),
    );
    return items;
  }
  const missing = DLQ_HEADERS.filter((h) => !(h in poison.headers));
  items.push(
    missing.length === 0
      ? pass(poisonLabel)
      : fail(
          poisonLabel,
          `The DLQ record has no ${missing.join(', ')} header(s).`,
          'Set "errors.deadletterqueue.context.headers.enable": "true" and deploy again; then send another poison record.',
        ),
  );
  return items;
}

function op(r: SeenRecord): string | undefined {
  const v = field(r.value, 'op');
  return typeof v === 'string' ? v : undefined;
}

function checkCdc(f: ExerciseFacts): CheckItem[] {
  const { item, records } = topicItem(
    f,
    CDC_TOPIC,
    1,
    'change event',
    'Create the customers table (SQL step) and deploy the connector; its snapshot emits one event per row.',
  );
  const items = [checkRunning(f), item];
  if (!item.ok) return items;
  const created = records.some((r) => op(r) === 'c' || op(r) === 'r');
  items.push(
    created
      ? pass('Inserts show up with op "c" (or "r" from the snapshot) and no before')
      : fail(
          'Inserts show up with op "c" (or "r" from the snapshot) and no before',
          'No create or snapshot event yet.',
          'Insert a row into inventory.customers.',
        ),
  );
  const update = records.find((r) => op(r) === 'u');
  const updLabel = 'An update shows its before and after';
  if (!update) {
    items.push(
      fail(updLabel, 'No update event (op "u") yet.', 'Run the step "Insert, update and delete a customer".'),
    );
  } else if (!isObject(field(update.value, 'before'))) {
    items.push(
      fail(
        updLabel,
        'The update event has no before-image.',
        'Run ALTER TABLE customers REPLICA IDENTITY FULL (it is in the exercise’s SQL), then update a row again.',
      ),
    );
  } else items.push(pass(updLabel));
  const del = records.find((r) => op(r) === 'd');
  const delLabel = 'A delete shows the old row in before and null after';
  items.push(
    del && isObject(field(del.value, 'before')) && field(del.value, 'after') === null
      ? pass(delLabel)
      : fail(
          delLabel,
          del ? 'The delete event has no before-image.' : 'No delete event (op "d") yet.',
          'Run the step "Insert, update and delete a customer".',
        ),
  );
  return items;
}

function checkSmt(f: ExerciseFacts): CheckItem[] {
  const { item, records } = topicItem(
    f,
    SMT_TOPIC,
    2,
    'routed order records',
    'Create the orders table (SQL step) and deploy; the route transform renames topic orders to prod-orders.',
  );
  const items = [checkRunning(f)];
  // Exercise 3 also writes to topic orders; only records with an ssn come from this source.
  if (!item.ok && f.topics.orders?.records.some((r) => isObject(r.value) && 'ssn' in r.value)) {
    items.push(
      fail(
        item.label,
        'Records went to topic orders, not prod-orders: the route transform did not apply.',
        'Check "transforms" lists route and transforms.route.* is as in the lesson.',
      ),
    );
    return items;
  }
  items.push(item);
  if (!item.ok) return items;
  items.push(fieldsItem(SMT_TOPIC, records, ['id', 'customer', 'ssn', 'amount', 'ingested_at']));
  const unmasked = records.find((r) => {
    const ssn = field(r.value, 'ssn');
    return typeof ssn === 'string' && ssn !== '';
  });
  items.push(
    unmasked
      ? fail(
          'ssn is masked in every record',
          `Record at offset ${unmasked.offset} still shows ssn "${String(field(unmasked.value, 'ssn'))}".`,
          'List maskSSN in "transforms" and set transforms.maskSSN.fields to ssn.',
        )
      : pass('ssn is masked in every record'),
  );
  items.push(
    allRowsItem(
      SMT_TOPIC,
      records,
      f.tables['mydb.orders'],
      'orders',
      'id',
      'New rows arrive on the next poll (5 s): check again in a few seconds.',
    ),
  );
  return items;
}

const CHECKS: Record<ExerciseId, (f: ExerciseFacts) => CheckItem[]> = {
  'jdbc-source': checkJdbcSource,
  sink: checkSink,
  dlq: checkDlq,
  cdc: checkCdc,
  smt: checkSmt,
};

export function checkExercise(exercise: ExerciseId, facts: ExerciseFacts): CheckReport {
  const items = CHECKS[exercise](facts);
  return { exercise, passed: items.every((i) => i.ok), items };
}

/** The report as text: one line per item, the failed ones with what is wrong and what to try. */
export function reportText(title: string, r: CheckReport): string {
  const lines = [`${r.passed ? 'PASSED' : 'NOT YET'}: ${title}`];
  for (const i of r.items) {
    lines.push(`${i.ok ? '✓' : '✗'} ${i.label}`);
    if (!i.ok) {
      if (i.problem) lines.push(`    What is wrong: ${i.problem}`);
      if (i.tryThis) lines.push(`    Try this: ${i.tryThis}`);
    }
  }
  return lines.join('\n');
}
