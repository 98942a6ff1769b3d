/**
 * Test-only VerifiableSourceConnector (like org.apache.kafka.connect.tools.VerifiableSourceConnector):
 * each task emits {"name","task","topic","seqno"} JSON strings, partition {"task"}, offset {"seqno"}.
 * `fail.mode` = none | start | poll makes tasks fail on purpose, for status/restart tests.
 */
import { SourceConnector, SourceTask } from '../../../runtime/api/connector';
import type { ConnectorProps, TaskClass } from '../../../runtime/api/connector';
import { SourceRecord } from '../../../runtime/api/records';
import { ConfigDef } from '../../../runtime/config/config-def';
import { ConnectException } from '../../../runtime/data/errors';
import { Schema } from '../../../runtime/data/schema';

const CONFIG_DEF = new ConfigDef()
  .define({ name: 'topic', type: 'STRING', importance: 'HIGH', documentation: 'Topic to write to' })
  .define({
    name: 'throughput',
    type: 'LONG',
    defaultValue: -1n,
    importance: 'LOW',
    documentation: 'Records per second, -1 for unlimited',
  })
  .define({
    name: 'max.messages',
    type: 'LONG',
    defaultValue: -1n,
    importance: 'LOW',
    documentation: 'Records per task, -1 for unlimited',
  })
  .define({
    name: 'fail.mode',
    type: 'STRING',
    defaultValue: 'none',
    importance: 'LOW',
    documentation: 'none, start or poll',
  });

export class VerifiableSourceTask extends SourceTask {
  static readonly className = 'org.apache.kafka.connect.tools.VerifiableSourceTask';
  private props: ConnectorProps = {};
  private seqno = 0n;
  private stopped = false;

  version(): string {
    return '4.4.0';
  }

  start(props: ConnectorProps): void {
    this.props = props;
    if (props['fail.mode'] === 'start')
      throw new ConnectException('VerifiableSourceTask was asked to fail on start');
    const last = this.context?.offsetStorageReader().offset({ task: BigInt(props['task.id'] ?? '0') });
    if (last && typeof last['seqno'] === 'bigint') this.seqno = last['seqno'] + 1n;
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.props['fail.mode'] === 'poll')
      throw new ConnectException('VerifiableSourceTask was asked to fail in poll');
    const max = BigInt(this.props['max.messages'] ?? '-1');
    const throughput = Number(this.props['throughput'] ?? '-1');
    if (this.stopped || (max >= 0n && this.seqno >= max)) {
      await new Promise((r) => setTimeout(r, 100));
      return null;
    }
    const task = BigInt(this.props['task.id'] ?? '0');
    const batch: SourceRecord[] = [];
    const n = throughput > 0 ? Math.max(1, Math.floor(throughput / 10)) : 100;
    for (let i = 0; i < n && (max < 0n || this.seqno < max); i++) {
      const value = JSON.stringify({
        name: this.props['name'],
        task: Number(task),
        topic: this.props['topic'],
        seqno: Number(this.seqno),
      });
      batch.push(
        new SourceRecord(
          { task },
          { seqno: this.seqno },
          this.props['topic'],
          null,
          null,
          null,
          Schema.STRING_SCHEMA,
          value,
        ),
      );
      this.seqno++;
    }
    if (throughput > 0) await new Promise((r) => setTimeout(r, 100));
    return batch;
  }

  stop(): void {
    this.stopped = true;
  }
}

export class VerifiableSourceConnector extends SourceConnector {
  static readonly className = 'org.apache.kafka.connect.tools.VerifiableSourceConnector';
  private props: ConnectorProps = {};

  version(): string {
    return '4.4.0';
  }

  start(props: ConnectorProps): void {
    CONFIG_DEF.parse(props);
    this.props = props;
  }

  taskClass(): TaskClass {
    return VerifiableSourceTask;
  }

  taskConfigs(maxTasks: number): ConnectorProps[] {
    return Array.from({ length: maxTasks }, (_, i) => ({ ...this.props, 'task.id': String(i) }));
  }

  stop(): void {}

  config(): ConfigDef {
    return CONFIG_DEF;
  }
}
