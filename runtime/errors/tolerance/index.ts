/**
 * Data-path error handling as Kafka Connect does it (RetryWithToleranceOperator, Stage, reporters).
 *
 * Worker seams (one set per task):
 *   const metrics = new ErrorHandlingMetrics();
 *   const operator = new RetryWithToleranceOperator<ConsumedRecord | SourceRecord>({
 *     retryTimeoutMs, maxDelayMs, tolerance: parseToleranceType(cfg['errors.tolerance']), metrics });
 *   (or simply: const { operator, metrics } = await sinkTaskErrorHandling({ id, connectorConfig, log, admin, dlqProducer })
 *    / sourceTaskErrorHandling({ id, connectorConfig, log }) — build-reporters.ts wires reporters as Worker does)
 *   per record: const ctx = new ProcessingContext(original);
 *     key  = operator.execute(ctx, () => keyConverter.toConnectData(...), 'KEY_CONVERTER', keyConverterClass)
 *     ...  = 'VALUE_CONVERTER', 'HEADER_CONVERTER' likewise; then chain.apply(record, ctx) (TRANSFORMATION)
 *     if (ctx.failed()) skip the record (it was reported; offsets may advance past it, as Connect).
 *   A ConnectException("Tolerance exceeded in error handler") escaping execute fails the task.
 *   Before committing sink offsets: await operator.flushReports().
 *   On task stop: operator.triggerStop(); await operator.close().
 */
export { STAGES, TOLERATE_ANY_EXCEPTION } from './stage';
export type { Stage } from './stage';
export { parseToleranceType, toleranceValue } from './tolerance-type';
export type { ToleranceType } from './tolerance-type';
export { ProcessingContext } from './processing-context';
export { ErrorHandlingMetrics } from './error-handling-metrics';
export type { ErrorReporter } from './error-reporter';
export type { ConnectorTaskId } from './connector-task-id';
export { taskIdText } from './connector-task-id';
export { NO_TIMESTAMP, consumedRecordFromKafkajs } from './consumed-record';
export type { ConsumedRecord, RawHeader } from './consumed-record';
export { LogReporter, SinkLogReporter, SourceLogReporter } from './log-reporter';
export type { ErrorLogger, LogReporterConfig } from './log-reporter';
export * from './dead-letter-queue-reporter';
export { RETRIES_DELAY_MIN_MS, RetryWithToleranceOperator } from './retry-with-tolerance-operator';
export type { RetryWithToleranceOptions } from './retry-with-tolerance-operator';
export { javaMessage, javaToStringOf, printStackTrace } from './stack-trace';
export { errorHandlingConfig } from './error-handling-config';
export type { ErrorHandlingConfig } from './error-handling-config';
export { sinkTaskErrorHandling, sourceTaskErrorHandling } from './build-reporters';
export type { SinkErrorHandlingDeps, TaskErrorHandling } from './build-reporters';
