/** FileStreamSinkConnector (org.apache.kafka.connect.file): appends record values to `file` (stdout when unset). */
import type { ConnectorProps, TaskClass, TopicPartition } from '../../api/connector';
import { SinkConnector } from '../../api/connector';
import { ConfigDef } from '../../config/config-def';
import { FileStreamSinkTask } from './file-stream-sink-task';
import { CONNECT_VERSION } from './version';

export const SINK_CONFIG_DEF = new ConfigDef().define({
  name: 'file',
  type: 'STRING',
  defaultValue: null,
  importance: 'HIGH',
  documentation: 'Destination filename. If not specified, the standard output will be used',
});

export class FileStreamSinkConnector extends SinkConnector {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
  private props: ConnectorProps = {};

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    SINK_CONFIG_DEF.parse(props);
    this.props = props;
  }

  taskClass(): TaskClass {
    return FileStreamSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  config(): ConfigDef {
    return SINK_CONFIG_DEF;
  }

  /** No externally managed offsets and no custom validation. */
  override alterOffsets(_config: ConnectorProps, _offsets: Map<TopicPartition, bigint | null>): boolean {
    return true;
  }
}
