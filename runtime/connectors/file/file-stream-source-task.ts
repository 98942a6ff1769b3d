/**
 * FileStreamSourceTask: emits each line (without its terminator: \n, \r or \r\n) as a STRING record.
 * The offset {"position"} is counted in decoded characters including the terminator and used as a
 * byte skip on restart — exactly what the Java task does, so offsets written by either are interchangeable.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { ConnectorProps } from '../../api/connector';
import { SourceTask } from '../../api/connector';
import { SourceRecord } from '../../api/records';
import { ConnectException } from '../../data/errors';
import { Schema } from '../../data/schema';
import { SOURCE_CONFIG_DEF } from './file-stream-source-connector';
import { CONNECT_VERSION } from './version';

export const FILENAME_FIELD = 'filename';
export const POSITION_FIELD = 'position';

const READ_CHUNK = 64 * 1024;

export class FileStreamSourceTask extends SourceTask {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSourceTask';
  private filename: string | null = null;
  private topic = '';
  private batchSize = 2000;
  private fd: number | null = null;
  private stdin = false;
  private decoder = new StringDecoder('utf8');
  private buffer = '';
  private streamOffset: bigint | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private stdinChunks: string[] = [];

  version(): string {
    return CONNECT_VERSION;
  }

  start(props: ConnectorProps): void {
    const parsed = SOURCE_CONFIG_DEF.parse(props);
    const file = parsed.get('file') as string | null;
    this.filename = file === null || file === '' ? null : file;
    this.topic = parsed.get('topic') as string;
    this.batchSize = Number(parsed.get('batch.size'));
    if (this.filename === null) {
      this.stdin = true;
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk: string) => {
        this.stdinChunks.push(chunk);
        this.wake?.();
      });
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private open(): boolean {
    try {
      this.fd = openSync(this.filename!, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new ConnectException(String((error as Error).message), { cause: error });
    }
    const offset = this.context?.offsetStorageReader().offset({ [FILENAME_FIELD]: this.filename });
    const last = offset ? offset[POSITION_FIELD] : null;
    if (last !== null && last !== undefined && typeof last !== 'bigint') {
      throw new ConnectException('Offset position is the incorrect type');
    }
    this.streamOffset = last ?? 0n;
    // Java skips that many bytes of the stream.
    this.skipBytes = Number(this.streamOffset);
    return true;
  }

  private skipBytes = 0;

  private readAvailable(): boolean {
    if (this.stdin) {
      if (this.stdinChunks.length === 0) return false;
      this.buffer += this.stdinChunks.join('');
      this.stdinChunks = [];
      return true;
    }
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let any = false;
    while (this.buffer.length < READ_CHUNK * 4) {
      const n = readSync(this.fd!, chunk, 0, READ_CHUNK, null);
      if (n <= 0) break;
      let start = 0;
      if (this.skipBytes > 0) {
        start = Math.min(n, this.skipBytes);
        this.skipBytes -= start;
      }
      if (start < n) {
        this.buffer += this.decoder.write(chunk.subarray(start, n));
        any = true;
      }
    }
    return any;
  }

  /** One line, or null when the buffer holds no complete line (a trailing \r waits for the next char). */
  private extractLine(): string | null {
    const b = this.buffer;
    for (let i = 0; i < b.length; i++) {
      const c = b.charCodeAt(i);
      if (c === 10 || c === 13) {
        let next = i + 1;
        if (c === 13) {
          if (i + 1 >= b.length) return null;
          if (b.charCodeAt(i + 1) === 10) next = i + 2;
        }
        const line = b.slice(0, i);
        this.buffer = b.slice(next);
        if (this.streamOffset !== null) this.streamOffset += BigInt(next);
        return line;
      }
    }
    return null;
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.stopped) return null;
    if (!this.stdin && this.fd === null) {
      if (!this.open()) {
        await this.sleep(1000);
        return null;
      }
    }
    const records: SourceRecord[] = [];
    const collect = (): boolean => {
      let line: string | null;
      while ((line = this.extractLine()) !== null) {
        const partition = this.stdin ? null : { [FILENAME_FIELD]: this.filename };
        const offset = this.streamOffset === null ? null : { [POSITION_FIELD]: this.streamOffset };
        records.push(
          new SourceRecord(
            partition,
            offset,
            this.topic,
            null,
            null,
            null,
            Schema.STRING_SCHEMA,
            line,
            Date.now(),
          ),
        );
        if (records.length >= this.batchSize) return true;
      }
      return false;
    };
    if (collect()) return records;
    if (this.readAvailable() && collect()) return records;
    if (records.length === 0) {
      await this.sleep(1000);
      return null;
    }
    return records;
  }

  stop(): void {
    this.stopped = true;
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    this.wake?.();
  }
}
