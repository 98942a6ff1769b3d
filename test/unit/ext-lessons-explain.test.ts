/**
 * Explain This Failure on real traces: the first group was captured from our runtime in the lab
 * (status.tasks[].trace of the GET /connectors/{name}/status answer, 2026-11-26), the second holds
 * the messages real Kafka Connect 4.x, pgjdbc, the Confluent JDBC connector and Debezium 3.x give
 * for the same failures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FailureKind } from '../../src/lessons/explain';
import { explainFailure, explanationMarkdown } from '../../src/lessons/explain';

const OURS: Record<string, { trace: string; kind: FailureKind; cause?: FailureKind }> = {
  'sink, errors.tolerance none, poison record': {
    trace:
      'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler\n\tat RetryWithToleranceOperator.#handle (/work/main/runtime/errors/tolerance/retry-with-tolerance-operator.ts:156:15)\n\tat WorkerSinkTask.processBatch (/work/main/runtime/worker/worker-sink-task.ts:186:26)\nCaused by: org.apache.kafka.connect.errors.DataException: Converting byte[] to Kafka Connect data failed due to serialization error: \n\tat JsonConverter.toConnectData (/work/main/runtime/converters/json-converter.ts:139:13)\nCaused by: java.lang.RuntimeException: Unrecognized token at position 0\n\tat Parser.#fail (/work/main/runtime/data/json.ts:114:11)\n',
    kind: 'tolerance-exceeded',
    cause: 'serialization',
  },
  'JDBC sink, table missing, auto.create false': {
    trace:
      'org.apache.kafka.connect.errors.ConnectException: Table "products_typo" is missing and auto-creation is disabled\n\tat JdbcSinkTask.ensureTable (/work/main/runtime/connectors/jdbc/jdbc-sink-task.ts:227:17)\n',
    kind: 'missing-table',
  },
  'JDBC source, table.whitelist names no table': {
    trace:
      'org.apache.kafka.common.config.ConfigException: Task is being killed because it was not assigned a table nor a query to execute. If run in table mode please make sure that the tables exist on the database. If the table does exist on the database, we recommend using the fully qualified table name.\n\tat JdbcSourceTask.start (/work/main/runtime/connectors/jdbc/jdbc-source-task.ts:74:13)\n',
    kind: 'missing-table',
  },
  'deploy with a wrong password (400 from POST /connectors)': {
    trace:
      'Connector configuration is invalid and contains the following 1 error(s):\nCould not connect to database. Password authentication failed for user "postgres" on PostgreSQL at postgres:5432: check the configured user and password.\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    kind: 'bad-credentials',
  },
  'deploy with an unknown host': {
    trace:
      'Connector configuration is invalid and contains the following 1 error(s):\nCould not connect to database. Could not connect to PostgreSQL: host "db.nowhere.invalid" cannot be resolved. Check the host name (outside the lesson\'s docker network use 127.0.0.1 or localhost).\n',
    kind: 'unreachable-host',
  },
  'deploy with a connector class that does not exist': {
    trace:
      "org.apache.kafka.connect.errors.ConnectException: Failed to find any class that implements Connector and which name matches com.example.NoSuchConnector, available connectors are: PluginDesc{klass=class io.confluent.connect.jdbc.JdbcSinkConnector, name='io.confluent.connect.jdbc.JdbcSinkConnector', version='10.9.7'}",
    kind: 'unknown-connector-class',
  },
  'lesson orders-source as printed (no user)': {
    trace:
      'Connector configuration is invalid and contains the following 1 error(s):\nCould not connect to database. PostgreSQL at postgres:5432 rejected user "" (no PostgreSQL user name specified in startup packet): check the user name and pg_hba.conf.\n',
    kind: 'bad-credentials',
  },
};

const REAL: Record<string, { trace: string; kind: FailureKind; cause?: FailureKind }> = {
  'pgjdbc bad password': {
    trace:
      'org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "postgres"\n\tat io.confluent.connect.jdbc.util.CachedConnectionProvider.getConnection(CachedConnectionProvider.java:59)\n',
    kind: 'bad-credentials',
  },
  'pgjdbc connection refused': {
    trace:
      'org.apache.kafka.connect.errors.ConnectException: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\nCaused by: java.net.ConnectException: Connection refused\n',
    kind: 'unreachable-host',
  },
  'pgjdbc unknown host': {
    trace:
      'org.postgresql.util.PSQLException: The connection attempt failed.\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)\nCaused by: java.net.UnknownHostException: postgres\n',
    kind: 'unreachable-host',
  },
  'Debezium wal_level': {
    trace:
      "Connector configuration is invalid and contains the following 1 error(s):\nError while validating connector config: Postgres server wal_level property must be 'logical' but is: 'replica'\n",
    kind: 'wal-level',
  },
  'PostgreSQL logical decoding': {
    trace: 'org.postgresql.util.PSQLException: ERROR: logical decoding requires wal_level >= logical\n',
    kind: 'wal-level',
  },
  'Connect tolerance exceeded, JsonConverter without envelope': {
    trace:
      'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler\n\tat org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.execAndHandleError(RetryWithToleranceOperator.java:230)\nCaused by: org.apache.kafka.connect.errors.DataException: JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.\n',
    kind: 'tolerance-exceeded',
    cause: 'serialization',
  },
  'Connect serialization without tolerance wrapper': {
    trace:
      "org.apache.kafka.connect.errors.DataException: Converting byte[] to Kafka Connect data failed due to serialization error: \nCaused by: org.apache.kafka.common.errors.SerializationException: com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n",
    kind: 'serialization',
  },
  'pgjdbc missing relation': {
    trace: 'org.postgresql.util.PSQLException: ERROR: relation "prodcts" does not exist\n  Position: 15\n',
    kind: 'missing-table',
  },
  'pgjdbc missing database': {
    trace: 'org.postgresql.util.PSQLException: FATAL: database "mydbb" does not exist\n',
    kind: 'missing-database',
  },
  'Debezium slot in use': {
    trace:
      'io.debezium.DebeziumException: Failed to start replication stream at LSN{0/1A2B3C}\nCaused by: org.postgresql.util.PSQLException: ERROR: replication slot "debezium" is active for PID 1234\n',
    kind: 'slot-in-use',
  },
  'Connect missing required config': {
    trace:
      'org.apache.kafka.common.config.ConfigException: Missing required configuration "topic.prefix" which has no default value.\n',
    kind: 'missing-config',
  },
};

void describe('Explain This Failure', () => {
  for (const [group, cases] of [
    ['our runtime', OURS],
    ['real Connect / pgjdbc / Debezium formats', REAL],
  ] as const) {
    for (const [name, c] of Object.entries(cases)) {
      void it(`${group}: ${name} → ${c.kind}${c.cause ? ` (cause ${c.cause})` : ''}`, () => {
        const e = explainFailure(c.trace);
        assert.ok(e, 'explained');
        assert.equal(e.kind, c.kind);
        assert.equal(e.cause?.kind, c.cause);
        assert.ok(e.what.length > 20 && e.next.length > 20, 'plain words and a next step');
        assert.ok(c.trace.includes(e.evidence), 'evidence is a line of the trace');
      });
    }
  }

  void it('names the table and the plugin it found', () => {
    assert.match(
      explainFailure(OURS['JDBC sink, table missing, auto.create false'].trace)?.what ?? '',
      /products_typo/,
    );
    assert.match(
      explainFailure(OURS['deploy with a connector class that does not exist'].trace)?.what ?? '',
      /com\.example\.NoSuchConnector/,
    );
  });

  void it('says plainly when a trace is not one it knows', () => {
    const trace = 'java.lang.OutOfMemoryError: Java heap space\n\tat x.y(Z.java:1)';
    assert.equal(explainFailure(trace), undefined);
    const md = explanationMarkdown('orders-sink task 0', trace);
    assert.match(md, /not one of the failures the lab knows/);
    assert.match(md, /OutOfMemoryError/);
  });

  void it('markdown carries the cause of a tolerance failure and the next step', () => {
    const md = explanationMarkdown(
      'orders-sink task 0',
      OURS['sink, errors.tolerance none, poison record'].trace,
    );
    assert.match(md, /# orders-sink task 0: A bad record stopped the task/);
    assert.match(md, /## Underneath: A record could not be read/);
    assert.match(md, /\*\*Try this:\*\* .*errors\.tolerance/);
  });
});
