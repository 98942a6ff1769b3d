import type { SourceRecord } from '../../api/records';
import { TIMESTAMP_TYPE_NAMES } from '../../api/records';
import type { ConnectorTaskId } from './connector-task-id';
import { taskIdText } from './connector-task-id';
import type { ConsumedRecord } from './consumed-record';
import type { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import type { ProcessingContext } from './processing-context';

/** Where LogReporter writes: Connect logs at ERROR on logger org.apache.kafka.connect.runtime.errors.LogReporter. */
export type ErrorLogger = (message: string, error: unknown) => void;

export interface LogReporterConfig {
  /** errors.log.enable */
  enableErrorLog: boolean;
  /** errors.log.include.messages */
  includeRecordDetailsInErrorLog: boolean;
}

/**
 * org.apache.kafka.connect.runtime.errors.LogReporter: one ERROR line per failed record:
 * `Error encountered in task <c>-<n>. Executing stage '<STAGE>' with class '<class>'[, where ...].`
 */
export abstract class LogReporter<T> implements ErrorReporter<T> {
  constructor(
    private readonly id: ConnectorTaskId,
    private readonly config: LogReporterConfig,
    private readonly metrics: ErrorHandlingMetrics,
    private readonly log: ErrorLogger,
  ) {}

  report(context: ProcessingContext<T>): Promise<void> {
    if (!this.config.enableErrorLog || !context.failed()) return Promise.resolve();
    this.log(this.message(context), context.error);
    this.metrics.recordErrorLogged();
    return Promise.resolve();
  }

  message(context: ProcessingContext<T>): string {
    let s = `Executing stage '${context.stage ?? 'null'}' with class '${context.executingClass ?? 'null'}'`;
    if (this.config.includeRecordDetailsInErrorLog) s += this.appendMessage(context.original);
    return `Error encountered in task ${taskIdText(this.id)}. ${s}.`;
  }

  protected abstract appendMessage(original: T): string;

  close(): void {}
}

/** LogReporter.Sink: describes the consumed record (never its bytes). */
export class SinkLogReporter extends LogReporter<ConsumedRecord> {
  protected appendMessage(msg: ConsumedRecord): string {
    let s = `, where consumed record is {topic='${msg.topic}', partition=${msg.partition}, offset=${msg.offset}`;
    if (msg.timestampType === 'CREATE_TIME' || msg.timestampType === 'LOG_APPEND_TIME')
      s += `, timestamp=${msg.timestamp}, timestampType=${TIMESTAMP_TYPE_NAMES[msg.timestampType]}`;
    return `${s}}`;
  }
}

/** LogReporter.Source: appends SourceRecord.toString(). */
export class SourceLogReporter extends LogReporter<SourceRecord> {
  protected appendMessage(original: SourceRecord): string {
    return `, where source record is = ${original.toString()}`;
  }
}
