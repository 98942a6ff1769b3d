/**
 * Delivery with a Connect worker's producer semantics. Worker.baseProducerConfigs gives every source
 * task producer acks=all, max.in.flight.requests.per.connection=1, enable.idempotence=false and
 * delivery.timeout.ms=Integer.MAX_VALUE: a record is retried until the broker acks it, so a broker
 * restart only delays the task. kafkajs gives up after its own retries (about half a minute), so the
 * send is repeated here, with the Java client's retry backoff, until it is acked, the delivery timeout
 * passes, the error is not retriable, or the caller aborts (a stopping task must not wait forever).
 */
import type { Producer, ProducerBatch, RecordMetadata } from 'kafkajs';
import { isRetriableConsumerError, retryBackoffMs } from './retriable';

/** ProducerConfig.DELIVERY_TIMEOUT_MS as Worker.baseProducerConfigs sets it (Integer.MAX_VALUE). */
export const CONNECT_DELIVERY_TIMEOUT_MS = 2147483647;

export interface DeliveryOptions {
  /** True once the caller stops: the retries end and the last error is thrown. */
  aborted: () => boolean;
  deliveryTimeoutMs?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function sendUntilDelivered(
  producer: Producer,
  batch: ProducerBatch,
  options: DeliveryOptions,
): Promise<RecordMetadata[]> {
  const deadline = Date.now() + (options.deliveryTimeoutMs ?? CONNECT_DELIVERY_TIMEOUT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      const acked = await producer.sendBatch(batch);
      if (attempt > 0) options.log?.(`Producer send succeeded after ${attempt} retried attempt(s)`);
      return acked;
    } catch (error) {
      if (!isRetriableConsumerError(error) || options.aborted() || Date.now() >= deadline) throw error;
      if (attempt === 0)
        options.log?.(
          `Producer send failed with a retriable error, retrying until delivered: ${(error as Error).message}`,
        );
      // Short waits in small steps so an abort is seen promptly.
      const until = Date.now() + retryBackoffMs(attempt);
      while (Date.now() < until && !options.aborted()) await sleep(Math.min(100, until - Date.now()));
      if (options.aborted()) throw error;
    }
  }
}
