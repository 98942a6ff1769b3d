/** io.confluent.connect.jdbc.JdbcSinkConnector: maxTasks copies of the config. */
import type { ConnectorProps, TaskClass } from '../../api/connector';
import { SinkConnector } from '../../api/connector';
import type { ConfigDef } from '../../config/config-def';
import type { ConfigValue } from '../../config/config-value';
import { javaHashOrder } from '../../config/java-compat';
import { connectWithRetries } from '../postgres/connection';
import { jdbcConnectionSettings } from './jdbc-settings';
import { JDBC_CONNECTOR_VERSION } from './jdbc-source-task';
import { JdbcSinkTask } from './jdbc-sink-task';
import { jdbcSinkConfigDef } from './sink-config';

export class JdbcSinkConnector extends SinkConnector {
  private props: ConnectorProps = {};

  version(): string {
    return JDBC_CONNECTOR_VERSION;
  }

  config(): ConfigDef {
    return jdbcSinkConfigDef();
  }

  start(props: ConnectorProps): void {
    this.props = { ...props };
  }

  taskClass(): TaskClass {
    return JdbcSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  /** JdbcSinkConnectorValidation: field checks, delete.enabled vs pk.mode, then a connection attempt. */
  async validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    const def = jdbcSinkConfigDef();
    const all = def.validateAll(props);
    const values = javaHashOrder([...all.keys()]).map((k) => all.get(k) as ConfigValue);
    if (values.some((v) => v.errorMessages.length > 0)) return values;
    const p = def.parse(props);
    if (p.get('delete.enabled') === true && String(p.get('pk.mode')).toLowerCase() !== 'record_key') {
      const msg = 'Deletes are only supported for pk.mode record_key';
      all.get('delete.enabled')?.addErrorMessage(msg);
      all.get('pk.mode')?.addErrorMessage(msg);
      return values;
    }
    try {
      const c = await connectWithRetries(jdbcConnectionSettings(p), 1, 0);
      await c.end().catch(() => undefined);
    } catch (e) {
      all.get('connection.url')?.addErrorMessage(`Could not connect to database. ${(e as Error).message}`);
    }
    return values;
  }
}
