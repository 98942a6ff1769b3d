/** Pure helpers of the Postgres connectors: JDBC URLs, text parsing, Debezium value formats. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJdbcUrl } from '../../runtime/connectors/postgres/jdbc-url';
import {
  numericPrecisionScale,
  parseDateDays,
  parseTimestamp,
} from '../../runtime/connectors/postgres/pg-types';
import {
  parseArrayLiteral,
  parseDefault,
  zonedTimeText,
  zonedTimestampText,
} from '../../runtime/connectors/debezium/value-converters';
import { groupPartitions } from '../../runtime/connectors/jdbc/jdbc-source-connector';
import { parseTableIdentifier, splitTableList } from '../../runtime/connectors/jdbc/table-id';

void describe('postgres helpers', () => {
  void it('parses pgjdbc URLs', () => {
    assert.deepEqual(parseJdbcUrl('jdbc:postgresql://postgres:5432/mydb'), {
      host: 'postgres',
      port: 5432,
      database: 'mydb',
      params: {},
    });
    assert.deepEqual(parseJdbcUrl('jdbc:postgresql://127.0.0.1/db?user=u&password=p%20w'), {
      host: '127.0.0.1',
      port: 5432,
      database: 'db',
      params: { user: 'u', password: 'p w' },
    });
    assert.throws(() => parseJdbcUrl('jdbc:mysql://localhost/db'), /connects to PostgreSQL only/);
  });

  void it('parses PostgreSQL text values exactly', () => {
    assert.deepEqual(numericPrecisionScale(655366), { precision: 10, scale: 2 });
    assert.equal(parseDateDays('2024-02-29'), 19782);
    assert.equal(parseTimestamp('2024-01-02 03:04:05.123456').micros, 1704164645123456n);
    assert.equal(parseTimestamp('2024-01-02 03:04:05.1+01').micros, 1704161045100000n);
  });

  void it('formats ZonedTimestamp/ZonedTime as Debezium 3.6 (UTC, column-precision fraction for timestamptz)', () => {
    assert.equal(zonedTimestampText('2024-01-02 03:04:05.1+01', 6), '2024-01-02T02:04:05.100000Z');
    assert.equal(zonedTimestampText('2024-06-01 00:00:00+00', 6), '2024-06-01T00:00:00.000000Z');
    assert.equal(zonedTimeText('10:11:12.5+02'), '08:11:12.5Z');
  });

  void it('splits array literals and parses literal defaults', () => {
    assert.deepEqual(parseArrayLiteral('{1,2,NULL}'), ['1', '2', null]);
    assert.deepEqual(parseArrayLiteral('{"a,b","NULL",NULL}'), ['a,b', 'NULL', null]);
    assert.deepEqual(parseArrayLiteral('{}'), []);
    assert.equal(parseDefault("'x'::character varying"), 'x');
    assert.equal(parseDefault('7'), '7');
    assert.equal(parseDefault("nextval('t_id_seq'::regclass)"), undefined);
  });

  void it('JDBC source: tables grouped like ConnectorUtils.groupPartitions, quoted ids parsed back', () => {
    assert.deepEqual(groupPartitions([1, 2, 3, 4, 5], 2), [
      [1, 2, 3],
      [4, 5],
    ]);
    assert.deepEqual(splitTableList('"public"."a","public"."b,c"'), ['"public"."a"', '"public"."b,c"']);
    assert.deepEqual(parseTableIdentifier('"public"."products"'), { schema: 'public', table: 'products' });
  });
});
