/**
 * FileStreamSinkTask: each record appends String.valueOf(value) and a line separator, UTF-8, to the
 * file opened CREATE+APPEND. Writes reach the OS in put(); flush() only precedes the offset commit.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ConnectorProps } from '../../api/connector';
import { SinkTask } from '../../api/connector';
import type { SinkRecord } from '../../api/records';
import { ConnectException } from '../../data/errors';
import { formatValue } from '../../data/format-value';
import { SINK_CONFIG_DEF } from './file-stream-sink-connector';
import { CONNECT_VERSION } from './version';

export class FileStreamSinkTask extends SinkTask {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSinkTask';
  private fd: number | null = null;
  private toStdout = false;

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    const file = SINK_CONFIG_DEF.parse(props).get('file') as string | null;
    if (file === null || file === '') this.toStdout = true;
    else {
      try {
        this.fd = openSync(file, 'a');
      } catch (e) {
        throw new ConnectException(`Couldn't find or create file '${file}' for FileStreamSinkTask`, {
          cause: e,
        });
      }
    }
  }

  put(records: SinkRecord[]): void {
    if (records.length === 0) return;
    const text = records.map((r) => `${r.value === null ? 'null' : formatValue(r.value)}\n`).join('');
    if (this.toStdout) process.stdout.write(text);
    else writeSync(this.fd!, text);
  }

  stop(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
