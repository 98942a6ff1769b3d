/**
 * FileStreamSourceConnector (org.apache.kafka.connect.file): one task reading lines of `file`
 * (stdin when unset) into `topic`.
 */
import type { ConnectorProps, OffsetMap, TaskClass } from '../../api/connector';
import { SourceConnector } from '../../api/connector';
import { ConfigDef } from '../../config/config-def';
import { NonEmptyString } from '../../config/validators';
import { ConnectException } from '../../data/errors';
import { FileStreamSourceTask, FILENAME_FIELD, POSITION_FIELD } from './file-stream-source-task';
import { CONNECT_VERSION } from './version';

export const SOURCE_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'file',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Source filename. If not specified, the standard input will be used',
  })
  .define({
    name: 'topic',
    type: 'STRING',
    validator: new NonEmptyString(),
    importance: 'HIGH',
    documentation: 'The topic to publish data to',
  })
  .define({
    name: 'batch.size',
    type: 'INT',
    defaultValue: 2000,
    importance: 'LOW',
    documentation:
      'The maximum number of records the source task can read from the file each time it is polled',
  });

export class FileStreamSourceConnector extends SourceConnector {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
  private props: ConnectorProps = {};

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    SOURCE_CONFIG_DEF.parse(props);
    this.props = props;
  }

  taskClass(): TaskClass {
    return FileStreamSourceTask;
  }

  /** Only one input stream makes sense. */
  taskConfigs(_maxTasks: number): ConnectorProps[] {
    return [{ ...this.props }];
  }

  stop(): void {}

  config(): ConfigDef {
    return SOURCE_CONFIG_DEF;
  }

  override alterOffsets(connectorConfig: ConnectorProps, offsets: Map<OffsetMap, OffsetMap | null>): boolean {
    const filename = connectorConfig['file'];
    if (filename === undefined || filename === '') {
      throw new ConnectException(
        "Offsets cannot be modified if the 'file' configuration is unspecified. This is because stdin is used for input and offsets are not tracked.",
      );
    }
    for (const [partition, offset] of offsets) {
      if (offset === null) continue;
      if (!(POSITION_FIELD in offset)) {
        throw new ConnectException(
          `Offset objects should either be null or contain the key '${POSITION_FIELD}'`,
        );
      }
      const position = offset[POSITION_FIELD];
      if (typeof position !== 'bigint') {
        throw new ConnectException(
          `The value for the '${POSITION_FIELD}' key in the offset is expected to be a Long value`,
        );
      }
      if (position < 0n) {
        throw new ConnectException(
          `The value for the '${POSITION_FIELD}' key in the offset should be a non-negative value`,
        );
      }
      if (partition === null) throw new ConnectException('Partition objects cannot be null');
      if (!(FILENAME_FIELD in partition)) {
        throw new ConnectException(`Partition objects should contain the key '${FILENAME_FIELD}'`);
      }
    }
    return true;
  }
}
