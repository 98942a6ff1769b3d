/**
 * io.debezium.connector.postgresql.PostgresConnector: always exactly one task (a copy of the
 * config); validate() adds the connection check on database.hostname like Debezium.
 */
import type { ConnectorProps, TaskClass } from '../../api/connector';
import { SourceConnector } from '../../api/connector';
import type { ConfigDef } from '../../config/config-def';
import type { ConfigValue } from '../../config/config-value';
import { Password, javaHashOrder } from '../../config/java-compat';
import { connectWithRetries } from '../postgres/connection';
import type { ConnectionSettings } from '../postgres/connection';
import { REQUIRED_KEYS, UNVALIDATED_KEY, allowedValues, postgresConnectorConfigDef } from './config-def';
import { DEBEZIUM_VERSION } from './debezium-types';
import { PostgresConnectorTask } from './postgres-connector-task';
import { parsePostgresSettings } from './postgres-settings';

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

  /**
   * RelationalBaseSourceConnector.validate as Debezium 3.6.1 answers it: every Field validated (the
   * required keys first, then the key's own validator), each ConfigValue with a null value and the
   * key's allowed values as recommended values, no value at all for `internal.legacy.snapshot.max.threads`
   * (the real connector returns none, so Connect's create/update answers 500: see
   * runtime/herder/validation.ts), then the connection test: unless database.dbname, slot.name,
   * plugin.name, database.hostname or database.user has an error, connect; a failure lands on
   * database.hostname. Debezium 3.6.1 checks neither wal_level nor the user's REPLICATION role here
   * (observed against a wal_level=replica server): the task reports those when it starts.
   */
  async validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    const def = postgresConnectorConfigDef();
    const all = def.validateAll(props);
    all.delete(UNVALIDATED_KEY);
    // Debezium validates the raw text (Kafka's ConfigDef trims STRING values): the format check again, untrimmed
    const prefix = all.get('topic.prefix');
    if (prefix) {
      prefix.errorMessages.length = 0;
      try {
        def
          .configKeys()
          .get('topic.prefix')
          ?.validator?.ensureValid('topic.prefix', props['topic.prefix'] ?? null);
      } catch (e) {
        prefix.addErrorMessage((e as Error).message);
      }
    }
    for (const k of REQUIRED_KEYS) {
      const v = props[k];
      if (v === undefined || v === null || v.trim() === '')
        all.get(k)?.errorMessages.unshift(`The '${k}' value is invalid: A value is required`);
    }
    const parsed = new Map([...all].map(([k, v]) => [k, v.value]));
    for (const [k, v] of all) {
      v.value = null;
      v.recommendedValues = [...allowedValues(k)];
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
    const hostname = all.get('database.hostname');
    const pw = parsed.get('database.password');
    const connection: ConnectionSettings = {
      host: parsed.get('database.hostname') as string,
      port: parsed.get('database.port') as number,
      database: parsed.get('database.dbname') as string,
      user: parsed.get('database.user') as string,
      password: pw instanceof Password ? pw.value() : null,
    };
    try {
      const client = await connectWithRetries(connection, 1, 0);
      await client.end().catch(() => undefined);
    } catch (e) {
      hostname?.addErrorMessage(`Error while validating connector config: ${(e as Error).message}`);
    }
    return values;
  }
}
