import type { ProcessingContext } from './processing-context';

/**
 * org.apache.kafka.connect.runtime.errors.ErrorReporter: told about each failed ProcessingContext.
 * report() must not throw; the returned promise settles when the report is durable (DLQ send acked).
 */
export interface ErrorReporter<T> {
  report(context: ProcessingContext<T>): Promise<void>;
  close(): Promise<void> | void;
}
