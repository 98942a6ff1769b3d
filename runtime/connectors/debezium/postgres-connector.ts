/**
 * io.debezium.connector.postgresql.PostgresConnector: always exactly one task (a copy of the
 * config); validate() adds the connection check on database.hostname like Debezium.
 */
import type { ConnectorProps, TaskClass } from '../../api/connector';
import { SourceConnector } from '../../api/connector';
import type { ConfigDef } from '../../config/config-def';
import type { ConfigValue } from '../../config/config-value';
import { javaHashOrder } from '../../config/java-compat';
import { connectWithRetries } from '../postgres/connection';
import { postgresConnectorConfigDef } from './config-def';
import { DEBEZIUM_VERSION } from './debezium-types';
import { PostgresConnectorTask } from './postgres-connector-task';
import { parsePostgresSettings, withLegacyServerName } from './postgres-settings';

export class PostgresConnector extends SourceConnector {
  private props: ConnectorProps = {};

  version(): string {
    return DEBEZIUM_VERSION;
  }

  config(): ConfigDef {
    return postgresConnectorConfigDef();
  }

  start(props: ConnectorProps): void {
    parsePostgresSettings(props); // fails fast on an invalid config, as Debezium's start()
    this.props = { ...props };
  }

  taskClass(): TaskClass {
    return PostgresConnectorTask;
  }

  taskConfigs(_maxTasks: number): ConnectorProps[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  /** RelationalBaseSourceConnector.validate: field checks, then a connection test (errors on database.hostname). */
  async validate(rawProps: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    const props = withLegacyServerName({ ...rawProps });
    const all = postgresConnectorConfigDef().validateAll(props);
    for (const k of ['topic.prefix', 'database.hostname', 'database.user', 'database.dbname']) {
      const v = props[k];
      if (v === undefined || v === null || v.trim() === '')
        all.get(k)?.addErrorMessage(`The '${k}' value is invalid: A value is required`);
    }
    const values = javaHashOrder([...all.keys()]).map((k) => all.get(k) as ConfigValue);
    const blocked = [
      'database.dbname',
      'slot.name',
      'plugin.name',
      'database.hostname',
      'database.user',
    ].some((k) => (all.get(k)?.errorMessages.length ?? 0) > 0);
    if (blocked) return values;
    try {
      const s = parsePostgresSettings(props as Record<string, string>);
      const client = await connectWithRetries(s.connection, 1, 0);
      await client.end().catch(() => undefined);
    } catch (e) {
      all
        .get('database.hostname')
        ?.addErrorMessage(`Error while validating connector config: ${(e as Error).message}`);
    }
    return values;
  }
}
