/**
 * org.apache.kafka.connect.runtime.errors.Stage: where in the record's journey an operation failed.
 * The names are written verbatim into `__connect.errors.stage` and the LogReporter line.
 */
export const STAGES = [
  'TASK_POLL',
  'TASK_PUT',
  'TRANSFORMATION',
  'KEY_CONVERTER',
  'VALUE_CONVERTER',
  'HEADER_CONVERTER',
  'KAFKA_PRODUCE',
  'KAFKA_CONSUME',
] as const;

export type Stage = (typeof STAGES)[number];

/** Stages in which ANY exception is tolerable (errors.tolerance=all); elsewhere only RetriableException. */
export const TOLERATE_ANY_EXCEPTION: ReadonlySet<Stage> = new Set<Stage>([
  'TRANSFORMATION',
  'HEADER_CONVERTER',
  'KEY_CONVERTER',
  'VALUE_CONVERTER',
]);
