/**
 * Test-only VerifiableSinkConnector: appends each record's value (one line) to `output.file`, so tests
 * can count deliveries. `fail.mode` = none | start | put makes tasks fail on purpose.
 */
import { appendFileSync } from 'node:fs';
import { SinkConnector, SinkTask } from '../../../runtime/api/connector';
import type { ConnectorProps, TaskClass } from '../../../runtime/api/connector';
import type { SinkRecord } from '../../../runtime/api/records';
import { ConfigDef } from '../../../runtime/config/config-def';
import { ConnectException } from '../../../runtime/data/errors';

const CONFIG_DEF = new ConfigDef()
  .define({
    name: 'output.file',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'File receiving one line per record',
  })
  .define({
    name: 'fail.mode',
    type: 'STRING',
    defaultValue: 'none',
    importance: 'LOW',
    documentation: 'none, start or put',
  });

export class VerifiableSinkTask extends SinkTask {
  static readonly className = 'org.apache.kafka.connect.tools.VerifiableSinkTask';
  private props: ConnectorProps = {};

  version(): string {
    return '4.4.0';
  }

  start(props: ConnectorProps): void {
    this.props = props;
    if (props['fail.mode'] === 'start')
      throw new ConnectException('VerifiableSinkTask was asked to fail on start');
  }

  put(records: SinkRecord[]): void {
    if (this.props['fail.mode'] === 'put' && records.length > 0)
      throw new ConnectException('VerifiableSinkTask was asked to fail in put');
    const file = this.props['output.file'];
    if (file && records.length > 0) appendFileSync(file, records.map((r) => `${String(r.value)}\n`).join(''));
  }

  stop(): void {}
}

export class VerifiableSinkConnector extends SinkConnector {
  static readonly className: string = 'org.apache.kafka.connect.tools.VerifiableSinkConnector';
  private props: ConnectorProps = {};

  version(): string {
    return '4.4.0';
  }

  start(props: ConnectorProps): void {
    this.props = props;
  }

  taskClass(): TaskClass {
    return VerifiableSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.props }));
  }

  stop(): void {}

  config(): ConfigDef {
    return CONFIG_DEF;
  }
}
