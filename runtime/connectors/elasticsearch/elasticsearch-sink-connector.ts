/** io.confluent.connect.elasticsearch.ElasticsearchSinkConnector: maxTasks copies of the config, each with its taskId. */
import type { ConnectorProps, TaskClass } from '../../api/connector';
import { SinkConnector } from '../../api/connector';
import type { ConfigDef } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import type { ConfigValue } from '../../config/config-value';
import { ConnectException } from '../../data/errors';
import { ElasticsearchSinkTask } from './elasticsearch-sink-task';
import { parseElasticsearchSettings } from './settings';
import { elasticsearchSinkConfigDef } from './sink-config';
import { validateElasticsearchSink } from './validator';
import { ELASTICSEARCH_CONNECTOR_VERSION } from './version';

export class ElasticsearchSinkConnector extends SinkConnector {
  private props: ConnectorProps = {};

  version(): string {
    return ELASTICSEARCH_CONNECTOR_VERSION;
  }

  config(): ConfigDef {
    return elasticsearchSinkConfigDef();
  }

  start(props: ConnectorProps): void {
    try {
      parseElasticsearchSettings(props);
    } catch (e) {
      if (e instanceof ConfigException) {
        throw new ConnectException("Couldn't start ElasticsearchSinkConnector due to configuration error", {
          cause: e,
        });
      }
      throw e;
    }
    this.props = { ...props };
  }

  taskClass(): TaskClass {
    return ElasticsearchSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, (_, i) => ({ ...this.props, taskId: String(i) }));
  }

  stop(): void {}

  /** Validator: field checks, combination rules, then a ping and version check against the engine. */
  validate(props: Readonly<Record<string, string | null>>): Promise<ConfigValue[]> {
    return validateElasticsearchSink(props);
  }
}
