import type { SourceRecord } from '../../api/records';
import type { ConnectorTaskId } from './connector-task-id';
import type { ConsumedRecord } from './consumed-record';
import { DeadLetterQueueReporter } from './dead-letter-queue-reporter';
import type { DlqAdmin, DlqProducer } from './dead-letter-queue-reporter';
import { errorHandlingConfig } from './error-handling-config';
import { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import { SinkLogReporter, SourceLogReporter } from './log-reporter';
import type { ErrorLogger } from './log-reporter';
import { RetryWithToleranceOperator } from './retry-with-tolerance-operator';

export interface SinkErrorHandlingDeps {
  id: ConnectorTaskId;
  /** The connector's config (validated; string or parsed values). */
  connectorConfig: Readonly<Record<string, unknown>>;
  /** LogReporter output (ERROR level, logger org.apache.kafka.connect.runtime.errors.LogReporter). */
  log: ErrorLogger;
  /** Needed only when errors.deadletterqueue.topic.name is set: creates the DLQ topic when missing. */
  admin?: DlqAdmin;
  /** Needed only with a DLQ: a connected producer (e.g. kafkajsDlqProducer(kafka.producer())). */
  dlqProducer?: () => Promise<DlqProducer>;
  /** DLQ reporter diagnostics (topic creation, produce failures). */
  workerLog?: (message: string, error?: unknown) => void;
}

export interface TaskErrorHandling<T> {
  operator: RetryWithToleranceOperator<T>;
  metrics: ErrorHandlingMetrics;
  reporters: ErrorReporter<T>[];
}

/**
 * Worker.sinkTaskReporters + the operator of a sink task: DeadLetterQueueReporter first when
 * errors.deadletterqueue.topic.name is set (created with createAndSetup), then LogReporter.Sink.
 */
export async function sinkTaskErrorHandling(
  deps: SinkErrorHandlingDeps,
): Promise<TaskErrorHandling<ConsumedRecord>> {
  const cfg = errorHandlingConfig(deps.connectorConfig);
  const metrics = new ErrorHandlingMetrics();
  const reporters: ErrorReporter<ConsumedRecord>[] = [];
  if (cfg.dlqTopicName.length > 0) {
    if (deps.admin === undefined || deps.dlqProducer === undefined)
      throw new Error('a dead letter queue is configured: admin and dlqProducer are required');
    reporters.push(
      await DeadLetterQueueReporter.createAndSetup(
        deps.admin,
        deps.id,
        cfg,
        await deps.dlqProducer(),
        metrics,
        deps.workerLog,
      ),
    );
  }
  reporters.push(new SinkLogReporter(deps.id, cfg, metrics, deps.log));
  const operator = new RetryWithToleranceOperator<ConsumedRecord>({
    retryTimeoutMs: cfg.retryTimeoutMs,
    maxDelayMs: cfg.maxDelayMs,
    tolerance: cfg.tolerance,
    metrics,
  });
  operator.reporters(reporters);
  return { operator, metrics, reporters };
}

/** Worker.sourceTaskReporters + the operator of a source task: LogReporter.Source only (no DLQ for sources). */
export function sourceTaskErrorHandling(deps: {
  id: ConnectorTaskId;
  connectorConfig: Readonly<Record<string, unknown>>;
  log: ErrorLogger;
}): TaskErrorHandling<SourceRecord> {
  const cfg = errorHandlingConfig(deps.connectorConfig);
  const metrics = new ErrorHandlingMetrics();
  const reporters: ErrorReporter<SourceRecord>[] = [new SourceLogReporter(deps.id, cfg, metrics, deps.log)];
  const operator = new RetryWithToleranceOperator<SourceRecord>({
    retryTimeoutMs: cfg.retryTimeoutMs,
    maxDelayMs: cfg.maxDelayMs,
    tolerance: cfg.tolerance,
    metrics,
  });
  operator.reporters(reporters);
  return { operator, metrics, reporters };
}
