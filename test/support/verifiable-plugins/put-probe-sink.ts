/**
 * Test-only PutProbeSinkConnector: its task appends one JSON line per put() and preCommit() call to
 * `output.file` ({"call":"put","values":[…]} / {"call":"put","retriable":true,…} / {"call":"preCommit"}),
 * so tests can see what the worker's sink loop calls and in which order. Options:
 * - `timeout.ms`: every put() calls context.timeout(timeout.ms);
 * - `retriable.while.file`: while that file exists, an empty put() throws RetriableException;
 * - `retriable.puts.with.records`: the first N non-empty put() calls throw RetriableException.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { SinkTask } from '../../../runtime/api/connector';
import type { ConnectorProps, SinkOffsets, TaskClass } from '../../../runtime/api/connector';
import type { SinkRecord } from '../../../runtime/api/records';
import { ConfigDef } from '../../../runtime/config/config-def';
import { RetriableException } from '../../../runtime/data/errors';
import { VerifiableSinkConnector } from './verifiable-sink';

const CONFIG_DEF = new ConfigDef()
  .define({
    name: 'output.file',
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'File receiving one JSON line per put()/preCommit() call',
  })
  .define({
    name: 'timeout.ms',
    type: 'LONG',
    defaultValue: -1,
    importance: 'LOW',
    documentation: 'Passed to context.timeout() in every put() when > 0',
  })
  .define({
    name: 'retriable.while.file',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'While this file exists, an empty put() throws RetriableException',
  })
  .define({
    name: 'retriable.puts.with.records',
    type: 'INT',
    defaultValue: 0,
    importance: 'LOW',
    documentation: 'The first N non-empty put() calls throw RetriableException',
  });

export class PutProbeSinkTask extends SinkTask {
  static readonly className = 'io.kcl.test.PutProbeSinkTask';
  private props: ConnectorProps = {};
  private retriableWithRecords = 0;

  version(): string {
    return '1.0.0';
  }

  start(props: ConnectorProps): void {
    this.props = props;
    this.retriableWithRecords = Number(props['retriable.puts.with.records'] ?? '0');
  }

  private write(line: Record<string, unknown>): void {
    const file = this.props['output.file'];
    if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
  }

  put(records: SinkRecord[]): void {
    const timeout = Number(this.props['timeout.ms'] ?? '-1');
    if (timeout > 0) this.context?.timeout(timeout);
    const values = records.map((r) => String(r.value));
    const marker = this.props['retriable.while.file'];
    const retriable = records.length === 0 ? !!marker && existsSync(marker) : this.retriableWithRecords-- > 0;
    this.write({ call: 'put', values, ...(retriable ? { retriable: true } : {}) });
    if (retriable) throw new RetriableException(`put of ${records.length} record(s) asked to be retried`);
  }

  override preCommit(currentOffsets: SinkOffsets): Promise<SinkOffsets> {
    this.write({ call: 'preCommit' });
    return Promise.resolve(currentOffsets);
  }

  stop(): void {}
}

/** VerifiableSinkConnector's one-config-per-task connector, running PutProbeSinkTask. */
export class PutProbeSinkConnector extends VerifiableSinkConnector {
  static override readonly className = 'io.kcl.test.PutProbeSinkConnector';

  override taskClass(): TaskClass {
    return PutProbeSinkTask;
  }

  override config(): ConfigDef {
    return CONFIG_DEF;
  }
}
