import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PgCatalog } from '../../src/model/postgres-names';
import {
  jdbcColumnTables,
  parseJdbcPostgresUrl,
  pgKeyKind,
  pgTargetOf,
  pgValues,
} from '../../src/model/postgres-names';

const catalog: PgCatalog = {
  tables: [
    { schema: 'public', table: 'customers' },
    { schema: 'public', table: 'orders' },
    { schema: 'sales', table: 'invoices' },
  ],
  columns: [
    { schema: 'public', table: 'customers', column: 'id', type: 'integer' },
    { schema: 'public', table: 'customers', column: 'email', type: 'text' },
    { schema: 'public', table: 'orders', column: 'order_id', type: 'integer' },
    { schema: 'public', table: 'orders', column: 'updated_at', type: 'timestamp without time zone' },
    { schema: 'sales', table: 'invoices', column: 'id', type: 'bigint' },
  ],
};

void describe('where a connector config says its PostgreSQL database is', () => {
  void it('JDBC: connection.url with host, port, database and query credentials; connection.* keys win', () => {
    assert.deepEqual(parseJdbcPostgresUrl('jdbc:postgresql://postgres:5432/mydb'), {
      host: 'postgres',
      port: 5432,
      database: 'mydb',
    });
    assert.deepEqual(
      parseJdbcPostgresUrl('jdbc:postgresql://db1:6543,db2/shop?user=u&password=p%40ss&ssl=true'),
      {
        host: 'db1',
        port: 6543,
        database: 'shop',
        user: 'u',
        password: 'p@ss',
      },
    );
    assert.equal(parseJdbcPostgresUrl('jdbc:mysql://h:3306/db'), undefined);
    assert.deepEqual(
      pgTargetOf({
        'connection.url': 'jdbc:postgresql://h/db?user=u',
        'connection.user': 'postgres',
        'connection.password': '${secret:pg}',
      }),
      {
        family: 'jdbc',
        endpoint: { host: 'h', port: 5432, database: 'db', user: 'postgres', password: '${secret:pg}' },
      },
    );
    assert.equal(pgTargetOf({ 'connection.url': 'http://elasticsearch:9200' }), undefined);
  });

  void it('Debezium: database.hostname/port/dbname/user/password of a Postgres connector', () => {
    assert.deepEqual(
      pgTargetOf({
        'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
        'database.hostname': 'postgres',
        'database.port': '5433',
        'database.dbname': 'inventory',
        'database.user': 'postgres',
        'database.password': 'postgres',
      }),
      {
        family: 'debezium',
        endpoint: {
          host: 'postgres',
          port: 5433,
          database: 'inventory',
          user: 'postgres',
          password: 'postgres',
        },
      },
    );
    // A MySQL connector's database.* keys are not PostgreSQL.
    assert.equal(
      pgTargetOf({
        'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
        'database.hostname': 'm',
      }),
      undefined,
    );
  });
});

void describe('table and column values', () => {
  void it('knows which keys take which names per connector family', () => {
    assert.equal(pgKeyKind('jdbc', 'table.whitelist'), 'tables');
    assert.equal(pgKeyKind('jdbc', 'incrementing.column.name'), 'columns');
    assert.equal(pgKeyKind('jdbc', 'pk.fields'), 'columns');
    assert.equal(pgKeyKind('debezium', 'table.include.list'), 'tables');
    assert.equal(pgKeyKind('debezium', 'column.include.list'), 'qualified-columns');
    assert.equal(pgKeyKind('debezium', 'message.key.columns'), 'key-columns');
    assert.equal(pgKeyKind('debezium', 'schema.include.list'), 'schemas');
    assert.equal(pgKeyKind('jdbc', 'topic.prefix'), undefined);
  });

  void it('JDBC tables: public unqualified, other schemas qualified; the typed list is kept', () => {
    const v = pgValues('jdbc', 'tables', 'table.whitelist', {}, catalog, '');
    assert.deepEqual(
      v.map((x) => x.value),
      ['customers', 'orders', 'sales.invoices'],
    );
    const more = pgValues('jdbc', 'tables', 'table.whitelist', {}, catalog, 'customers,or');
    assert.deepEqual(
      more.map((x) => x.value),
      ['customers,orders', 'customers,sales.invoices'],
    );
  });

  void it("JDBC columns: only the listed tables' columns; the sink's from table.name.format and topics", () => {
    const cfg = { 'table.whitelist': 'orders' };
    assert.deepEqual(
      pgValues('jdbc', 'columns', 'incrementing.column.name', cfg, catalog, '').map((x) => x.value),
      ['order_id', 'updated_at'],
    );
    assert.deepEqual(
      jdbcColumnTables({ topics: 'customers', 'table.name.format': 'sales.${topic}' }, 'pk.fields'),
      ['sales.customers'],
    );
    assert.deepEqual(
      pgValues('jdbc', 'columns', 'pk.fields', { topics: 'customers' }, catalog, '').map((x) => x.label),
      ['id', 'email'],
    );
    // No table named: every column, once.
    assert.deepEqual(
      pgValues('jdbc', 'columns', 'timestamp.column.name', {}, catalog, '').map((x) => x.label),
      ['id', 'email', 'order_id', 'updated_at'],
    );
  });

  void it('Debezium: schema.table, schema.table.column, and message.key.columns per table', () => {
    assert.deepEqual(
      pgValues('debezium', 'tables', 'table.include.list', {}, catalog, 'public.customers,').map(
        (x) => x.value,
      ),
      ['public.customers,public.orders', 'public.customers,sales.invoices'],
    );
    assert.ok(
      pgValues('debezium', 'qualified-columns', 'column.include.list', {}, catalog, '').some(
        (x) => x.value === 'sales.invoices.id' && x.detail === 'column (bigint)',
      ),
    );
    assert.deepEqual(
      pgValues('debezium', 'key-columns', 'message.key.columns', {}, catalog, 'public.orders:').map(
        (x) => x.value,
      ),
      ['public.orders:order_id', 'public.orders:updated_at'],
    );
    assert.deepEqual(
      pgValues('debezium', 'schemas', 'schema.include.list', {}, catalog, '').map((x) => x.value),
      ['public', 'sales'],
    );
  });
});
