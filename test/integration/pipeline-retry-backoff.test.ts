/**
 * errors.retry.timeout / errors.retry.delay.max.ms in the synchronous stages (conversion, transformation)
 * as the worker's tasks run them: a stage throwing RetriableException is retried with Connect's backoff
 * WITHOUT blocking the event loop (timers and I/O keep running during the wait), records keep their
 * order, and when the retry timeout runs out the record is skipped and reported (Connect does so
 * whatever errors.tolerance says). Pure logic on the real chain and operator (no broker needed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceRecord } from '../../runtime/api/records';
import { DataException, RetriableException } from '../../runtime/data/errors';
import { ProcessingContext, RetryWithToleranceOperator } from '../../runtime/errors/tolerance';
import { TransformationChain, TransformationStage } from '../../runtime/transforms/chain';
import type { Transformation } from '../../runtime/transforms/transformation';
import { ConfigDef } from '../../runtime/config/config-def';

/** Fails with RetriableException `failures[value]` times for a value, then upper-cases it. */
function flaky(failures: Record<string, number>, error: () => Error): Transformation<SourceRecord> {
  const seen: Record<string, number> = {};
  return {
    className: 'test.Flaky',
    configure: () => {},
    config: () => new ConfigDef(),
    close: () => {},
    apply: (r) => {
      const v = String(r.value);
      seen[v] = (seen[v] ?? 0) + 1;
      if (seen[v] <= (failures[v] ?? 0)) throw error();
      return r.newRecord(
        r.topic,
        r.kafkaPartition,
        r.keySchema,
        r.key,
        r.valueSchema,
        v.toUpperCase(),
        r.timestamp,
      );
    },
  };
}

const rec = (v: string): SourceRecord => new SourceRecord({ p: 1 }, { o: 1 }, 't', null, null, null, null, v);

/**
 * Applies the chain to each value in turn, as a task does. `events` records, in order, each record's
 * completion and a zero-delay timer armed whenever a stage went asynchronous: a blocked event loop
 * could only run that timer after the retried record completed.
 */
async function run(
  chain: TransformationChain<SourceRecord>,
  values: string[],
): Promise<{ out: (string | null)[]; events: string[]; contexts: ProcessingContext<SourceRecord>[] }> {
  const out: (string | null)[] = [];
  const events: string[] = [];
  const contexts: ProcessingContext<SourceRecord>[] = [];
  for (const v of values) {
    const ctx = new ProcessingContext<SourceRecord>(rec(v));
    contexts.push(ctx);
    const r = chain.applyStaged(rec(v), ctx);
    if (r instanceof Promise) setTimeout(() => events.push(`timer during ${v}`), 0);
    const done = r instanceof Promise ? await r : r;
    events.push(`done ${v}`);
    out.push(done === null ? null : String(done.value));
  }
  return { out, events, contexts };
}

void describe('retries of RetriableException in synchronous stages', () => {
  void it('retries without blocking the event loop and keeps record order', async () => {
    const op = new RetryWithToleranceOperator<SourceRecord>({
      retryTimeoutMs: 10_000,
      maxDelayMs: 60_000,
      tolerance: 'NONE',
    });
    const chain = new TransformationChain<SourceRecord>(
      [new TransformationStage(flaky({ b: 2 }, () => new RetriableException('not yet')))],
      op,
    );
    const { out, events, contexts } = await run(chain, ['a', 'b', 'c']);
    assert.deepEqual(out, ['A', 'B', 'C']);
    // 'b' went asynchronous (backoff 300 ms, then 600 ms): the timer armed then ran before 'b' completed.
    assert.deepEqual(events, ['done a', 'timer during b', 'done b', 'done c']);
    assert.equal(contexts[1].attempt, 3);
    assert.equal(op.metrics.snapshot()['total-retries'], 2);
  });

  void it('a stage that succeeds (or fails for good) answers synchronously, as execute() does', () => {
    const op = new RetryWithToleranceOperator<SourceRecord>({
      retryTimeoutMs: 10_000,
      maxDelayMs: 60_000,
      tolerance: 'ALL',
    });
    const chain = new TransformationChain<SourceRecord>(
      [new TransformationStage(flaky({ x: 1 }, () => new DataException('bad value')))],
      op,
    );
    const ok = chain.applyStaged(rec('a'), new ProcessingContext(rec('a')));
    assert.ok(!(ok instanceof Promise));
    assert.equal(ok?.value, 'A');
    const ctx = new ProcessingContext<SourceRecord>(rec('x'));
    const skipped = chain.applyStaged(rec('x'), ctx);
    assert.equal(skipped, null, 'a non-retriable failure is tolerated (skipped) at once');
    assert.ok(ctx.failed());
  });

  void it('when errors.retry.timeout runs out the record is skipped (tolerance all and none, as in Java)', async () => {
    const always = (): Transformation<SourceRecord> =>
      flaky({ z: 1_000 }, () => new RetriableException('down'));
    const all = new TransformationChain<SourceRecord>(
      [new TransformationStage(always())],
      new RetryWithToleranceOperator<SourceRecord>({
        retryTimeoutMs: 700,
        maxDelayMs: 200,
        tolerance: 'ALL',
      }),
    );
    const skipped = await run(all, ['z', 'y']);
    assert.deepEqual(skipped.out, [null, 'Y']);
    assert.ok(skipped.contexts[0].failed());
    assert.ok(skipped.contexts[0].attempt > 1, 'it was retried');

    const none = new TransformationChain<SourceRecord>(
      [new TransformationStage(always())],
      new RetryWithToleranceOperator<SourceRecord>({
        retryTimeoutMs: 700,
        maxDelayMs: 200,
        tolerance: 'NONE',
      }),
    );
    // Java's execAndRetry returns null with the context failed once the timeout passed, so even with
    // errors.tolerance=none an exhausted RetriableException skips the record (it is reported, not fatal).
    const exhausted = await run(none, ['z', 'y']);
    assert.deepEqual(exhausted.out, [null, 'Y']);
    assert.ok(exhausted.contexts[0].error instanceof RetriableException);
  });
});
