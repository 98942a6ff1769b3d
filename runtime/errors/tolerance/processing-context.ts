import type { Stage } from './stage';

/**
 * org.apache.kafka.connect.runtime.errors.ProcessingContext: one record's trip through the stages.
 * `original` is what the reporters describe: for sinks the consumed Kafka record (raw bytes), for
 * sources the SourceRecord as polled. Create one per record; it is not reused.
 */
export class ProcessingContext<T> {
  stage: Stage | null = null;
  /** Java class name of the plugin executing the stage (e.g. `org.apache.kafka.connect.json.JsonConverter`). */
  executingClass: string | null = null;
  attempt = 0;
  error: unknown = null;

  constructor(readonly original: T) {}

  currentContext(stage: Stage, executingClass: string | null): void {
    this.stage = stage;
    this.executingClass = executingClass;
  }

  failed(): boolean {
    return this.error !== null && this.error !== undefined;
  }
}
