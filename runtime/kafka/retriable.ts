/**
 * Which Kafka client errors a worker retries instead of failing the task. The Java KafkaConsumer a
 * Connect worker uses rediscovers the group coordinator on its own (FindCoordinator again after
 * COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS), so a sink task on a
 * fresh broker, where __consumer_offsets is still being created and loaded, stays RUNNING. kafkajs
 * surfaces the same conditions as errors (KafkaJSProtocolError, wrapped in retrier errors).
 */

/** Kafka protocol error names for "ask again for the coordinator", in kafkajs' and in Java's spelling. */
const COORDINATOR_ERRORS = new Set([
  // kafkajs names (protocol/error.js)
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_LOAD_IN_PROGRESS',
  // Java / protocol names (org.apache.kafka.common.protocol.Errors)
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'COORDINATOR_LOAD_IN_PROGRESS',
]);

/** Client-side conditions kafkajs reports without a protocol error code that the Java consumer retries. */
const RETRIABLE_NAMES = new Set([
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSStaleTopicMetadataAssignment',
]);

interface ErrorLike {
  name?: unknown;
  type?: unknown;
  retriable?: unknown;
  cause?: unknown;
}

/** The error and its `cause` chain (kafkajs wraps the protocol error in retrier errors). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = error;
  while (cur !== null && typeof cur === 'object' && out.length < 10 && !out.includes(cur)) {
    out.push(cur);
    cur = (cur as ErrorLike).cause;
  }
  return out;
}

/** True when the error (or what it wraps) is a group-coordinator lookup/loading condition. */
export function isCoordinatorError(error: unknown): boolean {
  return chain(error).some((e) => typeof e.type === 'string' && COORDINATOR_ERRORS.has(e.type));
}

/**
 * True when a consumer error is transient: a coordinator condition, an error kafkajs marks
 * `retriable`, or a connection/timeout/retries-exhausted condition. A KafkaJSNonRetriableError is
 * retriable only through what it wraps (kafkajs wraps a retriable cause once its own retries ran out).
 */
export function isRetriableConsumerError(error: unknown): boolean {
  const all = chain(error);
  if (all.length === 0) return false;
  if (isCoordinatorError(error)) return true;
  if (all[all.length - 1]?.retriable === true) return true;
  return all.some((e) => typeof e.name === 'string' && RETRIABLE_NAMES.has(e.name));
}

/**
 * Backoff before retry n (0-based): the Java consumer's defaults, retry.backoff.ms=100 doubling up to
 * retry.backoff.max.ms=1000.
 */
export function retryBackoffMs(attempt: number): number {
  return Math.min(1000, 100 * 2 ** Math.max(0, Math.min(attempt, 10)));
}
