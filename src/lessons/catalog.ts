/**
 * The hands-on exercises of lesson 09 (Kafka Connect) as data: the SQL each one runs, the
 * connector file it writes into the workspace, the records it sends and the topic it shows.
 * Plain data, no `vscode`: the tree, the commands, the walkthrough and the unit tests all read it.
 *
 * Connector JSON is the lesson's, byte for byte where the lesson gives a complete one
 * (test/fixtures/lesson-configs/); where the lesson's snippet cannot run as printed, the
 * additions are listed in `changes` and shown to the learner.
 */
import type { RecordsMode } from '../../protocol/webview/records';
import { LESSON_EXAMPLES } from '../../runtime/schemas/lesson-examples';

export type ExerciseId = 'jdbc-source' | 'sink' | 'dlq' | 'cdc' | 'smt';

export interface ConnectorJson {
  name: string;
  config: Record<string, string>;
}

export interface SqlStep {
  /** Database of the lab's PostgreSQL. */
  database: string;
  text: string;
}

export type StepAction =
  | { kind: 'startLab'; search?: boolean }
  | { kind: 'runSql'; sql: SqlStep }
  | { kind: 'openConnectorFile' }
  | { kind: 'deploy' }
  | { kind: 'openRecords'; topic: string; mode: RecordsMode }
  | { kind: 'produce'; topic: string; values: string[] }
  | { kind: 'check' };

export interface LessonStep {
  id: string;
  label: string;
  /** One sentence: what the step does and what to look for. */
  detail: string;
  action: StepAction;
}

export interface Exercise {
  id: ExerciseId;
  title: string;
  summary: string;
  /** Workspace-relative path of the connector file the exercise creates. */
  file: string;
  connector: ConnectorJson;
  /** What differs from the lesson's printed JSON, and why (empty when it runs unchanged). */
  changes: string[];
  steps: LessonStep[];
}

export const LESSONS_FOLDER = 'kafka-connect-lesson';

/** A connector of the lesson, verbatim (runtime/schemas/lesson-examples.ts, checked against the lesson). */
function lessonExample(file: string): ConnectorJson {
  const found = LESSON_EXAMPLES.find((x) => x.file === file);
  if (!found) throw new Error(`lesson example ${file} is missing`);
  return { name: found.doc.name, config: { ...found.doc.config } };
}

/** The lesson's config with keys added or replaced (each one listed in the exercise's `changes`). */
function withAdditions(c: ConnectorJson, additions: Record<string, string>): ConnectorJson {
  return { name: c.name, config: { ...c.config, ...additions } };
}

/** The lesson's Exercise 1 SQL (docker exec … psql -U postgres), run in database postgres. */
export const PRODUCTS_SQL = `CREATE TABLE IF NOT EXISTS products (
  id SERIAL PRIMARY KEY,
  name VARCHAR(100),
  price DECIMAL(10,2),
  created_at TIMESTAMP DEFAULT NOW()
);

INSERT INTO products (name, price) VALUES
  ('Laptop', 999.99),
  ('Phone', 599.99),
  ('Tablet', 399.99);
`;

export const HEADPHONES_SQL = `INSERT INTO products (name, price) VALUES ('Headphones', 149.99);
`;

/** Exercise 1's connector: the lesson's postgres-products-source.json, unchanged. */
export const PRODUCTS_SOURCE: ConnectorJson = lessonExample('postgres-products-source.json');

/** Exercise 2 as printed: the lesson's products-elasticsearch-sink.json, unchanged. */
export const PRODUCTS_ELASTICSEARCH_SINK: ConnectorJson = lessonExample('products-elasticsearch-sink.json');

/** Exercise 2 without a search engine in the lab: the same topic into Postgres (database warehouse). */
export const PRODUCTS_JDBC_SINK: ConnectorJson = {
  name: 'products-jdbc-sink',
  config: {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    'connection.url': 'jdbc:postgresql://postgres:5432/warehouse',
    'connection.user': 'postgres',
    'connection.password': 'postgres',
    topics: 'pg-products',
    'table.name.format': 'products',
    'insert.mode': 'upsert',
    'pk.mode': 'record_value',
    'pk.fields': 'id',
    'auto.create': 'true',
    'tasks.max': '1',
  },
};

export const ORDERS_TOPIC = 'orders';
export const ORDERS_DLQ = 'orders-dlq';

/** Exercise 3: the lesson's orders-sink.json, made runnable on a one-broker lab (see `changes`). */
export const ORDERS_DLQ_SINK: ConnectorJson = withAdditions(lessonExample('orders-sink.json'), {
  'connection.user': 'postgres',
  'connection.password': 'postgres',
  'tasks.max': '1',
  'auto.create': 'true',
  'errors.deadletterqueue.topic.replication.factor': '1',
});

const orderSchema = {
  type: 'struct',
  name: 'order',
  optional: false,
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'product', type: 'string', optional: false },
    { field: 'quantity', type: 'int32', optional: false },
  ],
};

/** Good orders for exercise 3: JsonConverter envelopes (schema + payload), as the JDBC sink needs. */
export const GOOD_ORDERS: string[] = [
  { id: 1, product: 'Laptop', quantity: 1 },
  { id: 2, product: 'Phone', quantity: 2 },
  { id: 3, product: 'Tablet', quantity: 1 },
].map((payload) => JSON.stringify({ schema: orderSchema, payload }));

/** The poison record: not JSON at all, so the value converter fails on it. */
export const POISON_RECORD = 'this is not JSON {';

export const CDC_SQL = `CREATE TABLE IF NOT EXISTS customers (
  id SERIAL PRIMARY KEY,
  name VARCHAR(100),
  email VARCHAR(200)
);
-- Full before-images for updates and deletes (otherwise "before" holds only the key).
ALTER TABLE customers REPLICA IDENTITY FULL;

INSERT INTO customers (name, email) VALUES
  ('John Doe', 'john@example.com'),
  ('Jane Roe', 'jane@example.com');
`;

export const CDC_CHANGES_SQL = `INSERT INTO customers (name, email) VALUES ('Ada Lovelace', 'ada@example.com');
UPDATE customers SET name = 'John Smith', email = 'john.smith@example.com' WHERE email = 'john@example.com';
DELETE FROM customers WHERE email = 'jane@example.com';
`;

/** The lesson's postgres-cdc.json plus topic.prefix (Debezium 2+ names topics by it; required). */
export const POSTGRES_CDC: ConnectorJson = withAdditions(lessonExample('postgres-cdc.json'), {
  'topic.prefix': 'dbserver1',
});
export const CDC_TOPIC = 'dbserver1.public.customers';

export const SMT_SQL = `CREATE TABLE IF NOT EXISTS orders (
  id SERIAL PRIMARY KEY,
  customer VARCHAR(100),
  ssn VARCHAR(11),
  amount DECIMAL(10,2)
);

INSERT INTO orders (customer, ssn, amount) VALUES
  ('John Doe', '123-45-6789', 42.50),
  ('Jane Roe', '987-65-4321', 17.25);
`;

export const SMT_MORE_SQL = `INSERT INTO orders (customer, ssn, amount) VALUES ('Ada Lovelace', '555-12-3456', 99.00);
`;

/** The lesson's orders-source.json (the transforms chain) plus what a JDBC source needs to run. */
export const ORDERS_SMT_SOURCE: ConnectorJson = withAdditions(lessonExample('orders-source.json'), {
  'connection.user': 'postgres',
  'connection.password': 'postgres',
  mode: 'incrementing',
  'incrementing.column.name': 'id',
});
export const SMT_TOPIC = 'prod-orders';

const start: LessonStep = {
  id: 'start',
  label: 'Start the lab',
  detail: 'Kafka, PostgreSQL and the Connect runtime on this machine (no Docker needed).',
  action: { kind: 'startLab' },
};
const openFile: LessonStep = {
  id: 'file',
  label: 'Open the connector file',
  detail: 'The lesson’s JSON, saved in your workspace so you can read and edit it.',
  action: { kind: 'openConnectorFile' },
};
const deploy: LessonStep = {
  id: 'deploy',
  label: 'Deploy the connector',
  detail: 'POST /connectors with the file, like the lesson’s curl.',
  action: { kind: 'deploy' },
};
const check: LessonStep = {
  id: 'check',
  label: 'Check my work',
  detail: 'Looks at the live cluster and says what is right and what is missing.',
  action: { kind: 'check' },
};

/** The index the lesson's Elasticsearch sink writes pg-products into (the topic's name). */
export const PRODUCTS_INDEX = 'pg-products';

const ES_CLASS = 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector';

/** Exercise 2 reads its result back from the search engine when its connector is the Elasticsearch sink. */
export function searchIndexOf(e: Exercise): string | undefined {
  return e.connector.config['connector.class'] === ES_CLASS ? PRODUCTS_INDEX : undefined;
}

const startWithSearch: LessonStep = {
  id: 'start',
  label: 'Start the lab with its search engine',
  detail:
    'Kafka, PostgreSQL, the Connect runtime and OpenSearch 2.19 (Elasticsearch’s REST API) on this machine; http://elasticsearch:9200 of the lesson’s JSON reaches it. OpenSearch takes a minute or two to start.',
  action: { kind: 'startLab', search: true },
};
const addSearch: LessonStep = {
  id: 'search',
  label: 'Optional: add the search engine (the lesson’s Elasticsearch sink)',
  detail:
    'Restarts the lab with OpenSearch beside it (data kept); this exercise then uses the lesson’s Elasticsearch sink instead of the JDBC sink.',
  action: { kind: 'startLab', search: true },
};

/**
 * Exercise 2 comes in two forms: `searchAvailable` (the lab's status shows a running search
 * engine) picks the lesson's Elasticsearch sink, otherwise a JDBC sink into PostgreSQL.
 */
export function exercises(opts: { searchAvailable?: boolean } = {}): Exercise[] {
  const sink = opts.searchAvailable ? PRODUCTS_ELASTICSEARCH_SINK : PRODUCTS_JDBC_SINK;
  return [
    {
      id: 'jdbc-source',
      title: 'Exercise 1: JDBC source (products → pg-products)',
      summary: 'Stream the products table into the topic pg-products, then add a row and watch it arrive.',
      file: `${LESSONS_FOLDER}/jdbc-source.json`,
      connector: PRODUCTS_SOURCE,
      changes: [],
      steps: [
        start,
        {
          id: 'sql',
          label: 'Create the products table and seed 3 rows',
          detail: 'Shows the lesson’s SQL first, then runs it in the lab’s PostgreSQL (database postgres).',
          action: { kind: 'runSql', sql: { database: 'postgres', text: PRODUCTS_SQL } },
        },
        openFile,
        deploy,
        {
          id: 'records',
          label: 'Show the records of pg-products',
          detail: 'The console consumer of the lesson, as a live view.',
          action: { kind: 'openRecords', topic: 'pg-products', mode: 'records' },
        },
        {
          id: 'more',
          label: 'Insert Headphones',
          detail: 'Add more data and watch it flow into pg-products.',
          action: { kind: 'runSql', sql: { database: 'postgres', text: HEADPHONES_SQL } },
        },
        check,
      ],
    },
    {
      id: 'sink',
      title: opts.searchAvailable
        ? 'Exercise 2: Elasticsearch sink (pg-products → index)'
        : 'Exercise 2: JDBC sink (pg-products → warehouse.products)',
      summary: opts.searchAvailable
        ? 'The lab runs a search engine, so this is the lesson’s Elasticsearch sink, unchanged: every record of pg-products becomes a document of the index pg-products.'
        : 'The lab runs no search engine, so the sink writes pg-products into PostgreSQL instead (database warehouse). Start the lab with its search engine to do the lesson’s Elasticsearch sink.',
      file: `${LESSONS_FOLDER}/${opts.searchAvailable ? 'elasticsearch-sink' : 'jdbc-sink'}.json`,
      connector: sink,
      changes: opts.searchAvailable
        ? []
        : [
            'The lesson’s sink is Elasticsearch; this lab has no search engine, so the same topic goes to a JDBC sink (table products in database warehouse, upsert by id).',
          ],
      steps: opts.searchAvailable
        ? [
            startWithSearch,
            openFile,
            deploy,
            {
              ...check,
              detail: `Connector and task RUNNING, and the index ${PRODUCTS_INDEX} holds one document per record of pg-products with its fields (_count and _search on the engine).`,
            },
          ]
        : [
            start,
            addSearch,
            openFile,
            deploy,
            {
              ...check,
              detail:
                'Connector and task RUNNING, and every product of pg-products is a row of warehouse.products.',
            },
          ],
    },
    {
      id: 'dlq',
      title: 'Exercise 3: Error handling with a dead letter queue',
      summary:
        'A sink that tolerates bad records: good orders reach the table, a poison record goes to orders-dlq.',
      file: `${LESSONS_FOLDER}/orders-sink.json`,
      connector: ORDERS_DLQ_SINK,
      changes: [
        'errors.deadletterqueue.topic.replication.factor is 1: the lab has one broker (the lesson’s 3 needs three).',
        'connection.user/password, auto.create and tasks.max 1 added so the sink can write into warehouse.orders.',
      ],
      steps: [
        start,
        openFile,
        deploy,
        {
          id: 'good',
          label: 'Send 3 good orders',
          detail: 'JSON with schema and payload, as the JsonConverter expects.',
          action: { kind: 'produce', topic: ORDERS_TOPIC, values: GOOD_ORDERS },
        },
        {
          id: 'poison',
          label: 'Send a poison record',
          detail: `"${POISON_RECORD}" is not JSON: the converter fails and the record goes to the DLQ.`,
          action: { kind: 'produce', topic: ORDERS_TOPIC, values: [POISON_RECORD] },
        },
        {
          id: 'records',
          label: 'Show the dead letter queue',
          detail: 'The bad record with the __connect.errors.* headers that say why.',
          action: { kind: 'openRecords', topic: ORDERS_DLQ, mode: 'dlq' },
        },
        check,
      ],
    },
    {
      id: 'cdc',
      title: 'Exercise 4: Change data capture with Debezium',
      summary: 'Capture inserts, updates and deletes of inventory.customers and read the before/after diffs.',
      file: `${LESSONS_FOLDER}/postgres-cdc.json`,
      connector: POSTGRES_CDC,
      changes: ['topic.prefix added: since Debezium 2.0 it replaces database.server.name and is required.'],
      steps: [
        start,
        {
          id: 'sql',
          label: 'Create the customers table and seed 2 rows',
          detail: 'Database inventory; REPLICA IDENTITY FULL so updates carry the whole before-image.',
          action: { kind: 'runSql', sql: { database: 'inventory', text: CDC_SQL } },
        },
        openFile,
        deploy,
        {
          id: 'changes',
          label: 'Insert, update and delete a customer',
          detail: 'Three changes: op c, op u (before → after) and op d.',
          action: { kind: 'runSql', sql: { database: 'inventory', text: CDC_CHANGES_SQL } },
        },
        {
          id: 'records',
          label: 'Show the change events',
          detail: `${CDC_TOPIC} in the CDC view: before/after side by side.`,
          action: { kind: 'openRecords', topic: CDC_TOPIC, mode: 'cdc' },
        },
        check,
      ],
    },
    {
      id: 'smt',
      title: 'Exercise 5: Single Message Transforms (addTimestamp, maskSSN, route)',
      summary: 'The lesson’s transforms chain: add ingested_at, blank the SSN, route orders to prod-orders.',
      file: `${LESSONS_FOLDER}/orders-source.json`,
      connector: ORDERS_SMT_SOURCE,
      changes: [
        'connection.user/password, mode and incrementing.column.name added: the lesson’s snippet shows only the transforms part.',
      ],
      steps: [
        start,
        {
          id: 'sql',
          label: 'Create the orders table (with an ssn column)',
          detail: 'Database mydb, 2 orders.',
          action: { kind: 'runSql', sql: { database: 'mydb', text: SMT_SQL } },
        },
        openFile,
        deploy,
        {
          id: 'records',
          label: 'Show the records of prod-orders',
          detail: 'Routed by RegexRouter; ingested_at added, ssn blank.',
          action: { kind: 'openRecords', topic: SMT_TOPIC, mode: 'records' },
        },
        {
          id: 'more',
          label: 'Insert another order',
          detail: 'It arrives transformed too.',
          action: { kind: 'runSql', sql: { database: 'mydb', text: SMT_MORE_SQL } },
        },
        check,
      ],
    },
  ];
}

export function exerciseById(id: string, opts: { searchAvailable?: boolean } = {}): Exercise | undefined {
  return exercises(opts).find((e) => e.id === id);
}

/** The file text the workspace gets: the {name, config} shape of the lesson, 2-space JSON. */
export function connectorFileText(c: ConnectorJson): string {
  return JSON.stringify({ name: c.name, config: c.config }, null, 2) + '\n';
}
