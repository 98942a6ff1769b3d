import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { isCoordinatorError, isRetriableConsumerError, retryBackoffMs } from '../../runtime/kafka/retriable';

// kafkajs' own protocol error table: the errors the consumer really throws for these broker codes.
const load = createRequire(__filename);
const { createErrorFromCode } = load('kafkajs/src/protocol/error') as {
  createErrorFromCode: (code: number) => Error & { type: string; retriable: boolean };
};

const COORDINATOR_LOAD_IN_PROGRESS = 14;
const COORDINATOR_NOT_AVAILABLE = 15;
const NOT_COORDINATOR = 16;
const GROUP_AUTHORIZATION_FAILED = 30;
const INVALID_SESSION_TIMEOUT = 26;

void describe('sink consumer retry classification (runtime/kafka/retriable)', () => {
  for (const code of [COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR]) {
    void it(`broker error code ${code} is a coordinator condition and is retried`, () => {
      const e = createErrorFromCode(code);
      assert.equal(isCoordinatorError(e), true, e.type);
      assert.equal(isRetriableConsumerError(e), true, e.type);
    });
  }

  void it('a coordinator error wrapped by a non-retriable retrier error is still retried', () => {
    const inner = createErrorFromCode(NOT_COORDINATOR);
    const wrapped = Object.assign(new KafkaJSNonRetriableError(inner), { cause: inner });
    assert.equal(wrapped.retriable, false);
    assert.equal(isRetriableConsumerError(wrapped), true);
  });

  void it('retries exhausted on a transient error and a lost connection are retried', () => {
    const exhausted = new KafkaJSNumberOfRetriesExceeded(createErrorFromCode(COORDINATOR_NOT_AVAILABLE), {
      retryCount: 5,
      retryTime: 1000,
    });
    assert.equal(isRetriableConsumerError(exhausted), true);
    assert.equal(
      isRetriableConsumerError(new KafkaJSConnectionError('Connection error: ECONNREFUSED')),
      true,
    );
  });

  void it('authorization and config errors, and plain errors, fail the task', () => {
    for (const code of [GROUP_AUTHORIZATION_FAILED, INVALID_SESSION_TIMEOUT]) {
      const e = createErrorFromCode(code);
      assert.equal(isCoordinatorError(e), false, e.type);
      assert.equal(isRetriableConsumerError(e), false, e.type);
      assert.equal(
        isRetriableConsumerError(Object.assign(new KafkaJSNonRetriableError(e), { cause: e })),
        false,
      );
    }
    assert.equal(isRetriableConsumerError(new Error('put() failed')), false);
    assert.equal(isRetriableConsumerError(null), false);
    assert.equal(isRetriableConsumerError('NOT_COORDINATOR'), false);
  });

  void it('backoff follows retry.backoff.ms=100 doubling to retry.backoff.max.ms=1000', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 50].map(retryBackoffMs), [100, 200, 400, 800, 1000, 1000, 1000]);
  });
});
