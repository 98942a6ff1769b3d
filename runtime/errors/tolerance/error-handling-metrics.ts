/**
 * org.apache.kafka.connect.runtime.errors.ErrorHandlingMetrics (the task-error-metrics group): plain
 * counters the worker exposes per task (total-record-failures, total-record-errors, total-records-skipped,
 * total-retries, total-errors-logged, deadletterqueue-produce-requests / -failures, last-error-timestamp).
 */
export class ErrorHandlingMetrics {
  recordFailures = 0;
  recordErrors = 0;
  recordsSkipped = 0;
  retries = 0;
  errorsLogged = 0;
  dlqProduceRequests = 0;
  dlqProduceFailures = 0;
  lastErrorTimestamp = 0;

  constructor(private readonly now: () => number = Date.now) {}

  recordFailure(): void {
    this.recordFailures++;
  }
  recordError(): void {
    this.recordErrors++;
  }
  recordSkipped(): void {
    this.recordsSkipped++;
  }
  recordRetry(): void {
    this.retries++;
  }
  recordErrorLogged(): void {
    this.errorsLogged++;
  }
  recordDeadLetterQueueProduceRequest(): void {
    this.dlqProduceRequests++;
  }
  recordDeadLetterQueueProduceFailed(): void {
    this.dlqProduceFailures++;
  }
  recordErrorTimestamp(): void {
    this.lastErrorTimestamp = this.now();
  }

  /** The metric names and values as Connect's task-error-metrics group names them. */
  snapshot(): Record<string, number> {
    return {
      'total-record-failures': this.recordFailures,
      'total-record-errors': this.recordErrors,
      'total-records-skipped': this.recordsSkipped,
      'total-retries': this.retries,
      'total-errors-logged': this.errorsLogged,
      'deadletterqueue-produce-requests': this.dlqProduceRequests,
      'deadletterqueue-produce-failures': this.dlqProduceFailures,
      'last-error-timestamp': this.lastErrorTimestamp,
    };
  }
}
