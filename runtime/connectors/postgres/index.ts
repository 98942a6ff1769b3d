/**
 * The Postgres connector plugins (JDBC source/sink, Debezium PostgreSQL CDC) and the Debezium SMT,
 * for the worker's plugin registry: `for (const p of POSTGRES_PLUGINS) registry.register(p)`.
 * Aliases follow Connect's PluginUtils rules (simple name, and simple name without the suffix).
 */
import { JdbcSourceConnector } from '../jdbc/jdbc-source-connector';
import { JdbcSinkConnector } from '../jdbc/jdbc-sink-connector';
import { JDBC_CONNECTOR_VERSION } from '../jdbc/jdbc-source-task';
import { PostgresConnector } from '../debezium/postgres-connector';
import { DEBEZIUM_VERSION } from '../debezium/debezium-types';
import { ExtractNewRecordState } from '../../transforms/debezium/extract-new-record-state';

export type PostgresPluginType = 'source' | 'sink' | 'transformation';

export interface PostgresPlugin {
  className: string;
  aliases: string[];
  type: PostgresPluginType;
  version: string;
  create: () => unknown;
}

export const POSTGRES_PLUGINS: PostgresPlugin[] = [
  {
    className: 'io.confluent.connect.jdbc.JdbcSourceConnector',
    aliases: ['JdbcSourceConnector', 'JdbcSource'],
    type: 'source',
    version: JDBC_CONNECTOR_VERSION,
    create: () => new JdbcSourceConnector(),
  },
  {
    className: 'io.confluent.connect.jdbc.JdbcSinkConnector',
    aliases: ['JdbcSinkConnector', 'JdbcSink'],
    type: 'sink',
    version: JDBC_CONNECTOR_VERSION,
    create: () => new JdbcSinkConnector(),
  },
  {
    className: 'io.debezium.connector.postgresql.PostgresConnector',
    aliases: ['PostgresConnector', 'Postgres'],
    type: 'source',
    version: DEBEZIUM_VERSION,
    create: () => new PostgresConnector(),
  },
  {
    className: 'io.debezium.transforms.ExtractNewRecordState',
    aliases: ['ExtractNewRecordState'],
    type: 'transformation',
    version: DEBEZIUM_VERSION,
    create: () => new ExtractNewRecordState(),
  },
];
