/**
 * The lesson's connector examples (lesson-09-kafka-connect.md, reference/lesson-configs/), verbatim:
 * snippets/ offers each of them. test/unit/contract-snippets.test.ts checks they still equal the lesson's files.
 */
export const LESSON_EXAMPLES: readonly {
  file: string;
  doc: { name: string; config: Record<string, string> };
}[] = [
  {
    file: 'elasticsearch-sink.json',
    doc: {
      name: 'elasticsearch-sink',
      config: {
        'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
        'connection.url': 'http://elasticsearch:9200',
        topics: 'orders,customers',
        'type.name': '_doc',
        'key.ignore': 'false',
        'schema.ignore': 'true',
        'tasks.max': '2',
      },
    },
  },
  {
    file: 'orders-sink.json',
    doc: {
      name: 'orders-sink',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        'connection.url': 'jdbc:postgresql://postgres:5432/warehouse',
        topics: 'orders',
        'tasks.max': '2',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': 'orders-dlq',
        'errors.deadletterqueue.topic.replication.factor': '3',
        'errors.deadletterqueue.context.headers.enable': 'true',
        'errors.log.enable': 'true',
        'errors.log.include.messages': 'true',
      },
    },
  },
  {
    file: 'orders-source.json',
    doc: {
      name: 'orders-source',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': 'jdbc:postgresql://postgres:5432/mydb',
        'table.whitelist': 'orders',
        transforms: 'addTimestamp,maskSSN,route',
        'transforms.addTimestamp.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
        'transforms.addTimestamp.timestamp.field': 'ingested_at',
        'transforms.maskSSN.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
        'transforms.maskSSN.fields': 'ssn',
        'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
        'transforms.route.regex': '(.*)',
        'transforms.route.replacement': 'prod-$1',
      },
    },
  },
  {
    file: 'postgres-cdc.json',
    doc: {
      name: 'postgres-cdc',
      config: {
        'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
        'database.hostname': 'postgres',
        'database.port': '5432',
        'database.user': 'postgres',
        'database.password': 'postgres',
        'database.dbname': 'inventory',
        'database.server.name': 'dbserver1',
        'table.include.list': 'public.customers,public.orders',
        'plugin.name': 'pgoutput',
        'publication.name': 'dbz_publication',
        'slot.name': 'debezium',
        'tasks.max': '1',
      },
    },
  },
  {
    file: 'postgres-products-source.json',
    doc: {
      name: 'postgres-products-source',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': 'jdbc:postgresql://postgres:5432/postgres',
        'connection.user': 'postgres',
        'connection.password': 'postgres',
        'table.whitelist': 'products',
        mode: 'incrementing',
        'incrementing.column.name': 'id',
        'topic.prefix': 'pg-',
        'tasks.max': '1',
      },
    },
  },
  {
    file: 'postgres-source.json',
    doc: {
      name: 'postgres-source',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': 'jdbc:postgresql://postgres:5432/mydb',
        'connection.user': 'postgres',
        'connection.password': 'postgres',
        'table.whitelist': 'customers,orders',
        mode: 'incrementing',
        'incrementing.column.name': 'id',
        'topic.prefix': 'db-',
        'poll.interval.ms': '1000',
        'tasks.max': '2',
      },
    },
  },
  {
    file: 'products-elasticsearch-sink.json',
    doc: {
      name: 'products-elasticsearch-sink',
      config: {
        'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
        'connection.url': 'http://elasticsearch:9200',
        topics: 'pg-products',
        'type.name': '_doc',
        'key.ignore': 'true',
        'schema.ignore': 'true',
        'tasks.max': '1',
      },
    },
  },
];
