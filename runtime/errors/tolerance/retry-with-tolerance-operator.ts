import { ConnectException, RetriableException } from '../../data/errors';
import { ErrorHandlingMetrics } from './error-handling-metrics';
import type { ErrorReporter } from './error-reporter';
import type { ProcessingContext } from './processing-context';
import type { Stage } from './stage';
import { TOLERATE_ANY_EXCEPTION } from './stage';
import type { ToleranceType } from './tolerance-type';

/** RetryWithToleranceOperator.RETRIES_DELAY_MIN_MS: the first backoff; it doubles per attempt. */
export const RETRIES_DELAY_MIN_MS = 300;

export interface RetryWithToleranceOptions {
  /** errors.retry.timeout in ms: 0 = no retries, -1 = retry forever. */
  retryTimeoutMs: number;
  /** errors.retry.delay.max.ms. */
  maxDelayMs: number;
  tolerance: ToleranceType;
  metrics?: ErrorHandlingMetrics;
  /** Clock (tests). */
  now?: () => number;
  /** Random long in [0, bound) for the capped backoff (Java: ThreadLocalRandom.nextLong(bound)). */
  random?: (bound: number) => number;
}

/**
 * org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator.
 *
 * Seams for the worker (one operator per task, shared by every stage of that task):
 * - `execute(context, op, stage, executingClass)`: synchronous stages (key/value/header conversion,
 *   each transformation). Returns op's result, or null when the failure was tolerated (context.failed()
 *   is then true and the record must be skipped). Throws ConnectException("Tolerance exceeded in error
 *   handler", cause) when errors.tolerance=none, or "Unhandled exception in error handler" for a
 *   non-retriable exception in a stage that only tolerates RetriableException.
 *   A RetriableException is retried with Connect's backoff (300 ms doubling, capped by
 *   errors.retry.delay.max.ms, bounded by errors.retry.timeout); like Java this blocks the caller
 *   during the backoff (Atomics.wait). The worker's tasks call `executeStage` instead: it returns a
 *   promise (timer backoff) only when a retry is due, so the event loop is never blocked.
 * - `executeAsync(...)`: the same for async operations (put, poll, produce); backoff uses timers.
 * - `executeFailed(context, stage, executingClass, error)`: a failure that happened outside execute
 *   (e.g. a producer send callback): reports it, and throws "Tolerance exceeded" when not tolerated.
 * - Reports go to every reporter (log, DLQ) even when the task is about to fail; their promises are
 *   tracked: `flushReports()` resolves once all DLQ sends settled (call it before committing offsets).
 */
export class RetryWithToleranceOperator<T> {
  readonly metrics: ErrorHandlingMetrics;
  #reporters: ErrorReporter<T>[] = [];
  #totalFailures = 0;
  #stopping = false;
  #pending = new Set<Promise<void>>();
  readonly #now: () => number;
  readonly #random: (bound: number) => number;
  #wakeStop: (() => void) | null = null;

  constructor(readonly options: RetryWithToleranceOptions) {
    this.metrics = options.metrics ?? new ErrorHandlingMetrics();
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? ((bound) => Math.floor(Math.random() * bound));
  }

  get toleranceType(): ToleranceType {
    return this.options.tolerance;
  }

  reporters(reporters: readonly ErrorReporter<T>[]): void {
    this.#reporters = [...reporters];
  }

  /** Synchronous stage execution (conversion, transformation). See the class comment. */
  execute<V>(
    context: ProcessingContext<T>,
    operation: () => V,
    stage: Stage,
    executingClass: string | null,
  ): V | null {
    context.currentContext(stage, executingClass);
    if (context.failed()) return null;
    try {
      return this.#handle(context, () => this.#retrySync(context, operation), stage);
    } finally {
      if (context.failed()) {
        this.metrics.recordError();
        void this.report(context);
      }
    }
  }

  /**
   * A synchronous stage (conversion, transformation) whose retries must not block the event loop:
   * the first attempt runs synchronously and, when it succeeds or fails for good, the outcome is exactly
   * execute()'s. Only when it throws a RetriableException and errors.retry.timeout allows a retry is a
   * promise returned: the backoff then waits on a timer (executeAsync) instead of blocking the thread.
   * Callers await a promise before touching the next record, so records keep their order.
   */
  executeStage<V>(
    context: ProcessingContext<T>,
    operation: () => V,
    stage: Stage,
    executingClass: string | null,
  ): V | null | Promise<V | null> {
    context.currentContext(stage, executingClass);
    if (context.failed()) return null;
    let failure: unknown;
    try {
      const result = operation();
      context.attempt = 1;
      return result;
    } catch (e) {
      failure = e;
    }
    if (failure instanceof RetriableException && this.options.retryTimeoutMs !== 0) {
      let attempts = 0;
      return this.executeAsync(
        context,
        () => {
          if (attempts++ === 0) throw failure;
          return operation();
        },
        stage,
        executingClass,
      );
    }
    return this.execute(
      context,
      () => {
        throw failure;
      },
      stage,
      executingClass,
    );
  }

  /** Asynchronous stage execution (put, poll, produce). See the class comment. */
  async executeAsync<V>(
    context: ProcessingContext<T>,
    operation: () => V | Promise<V>,
    stage: Stage,
    executingClass: string | null,
  ): Promise<V | null> {
    context.currentContext(stage, executingClass);
    if (context.failed()) return null;
    try {
      let result: V | null = null;
      let thrown: unknown = undefined;
      let threw = false;
      try {
        result = await this.#retryAsync(context, operation);
      } catch (e) {
        threw = true;
        thrown = e;
      }
      return this.#handle(
        context,
        () => {
          if (threw) throw thrown;
          return result;
        },
        stage,
      );
    } finally {
      if (context.failed()) {
        this.metrics.recordError();
        void this.report(context);
      }
    }
  }

  /** RetryWithToleranceOperator.executeFailed. Returns the report promise (the "errant record future"). */
  executeFailed(
    context: ProcessingContext<T>,
    stage: Stage,
    executingClass: string | null,
    error: unknown,
  ): Promise<void> {
    this.#markAsFailed();
    context.currentContext(stage, executingClass);
    context.error = error;
    this.metrics.recordFailure();
    const reported = this.report(context);
    if (!this.withinToleranceLimits()) {
      this.metrics.recordError();
      throw new ConnectException('Tolerance exceeded in error handler', { cause: error });
    }
    return reported;
  }

  /** execAndHandleError: classify the failure of one execution. */
  #handle<V>(context: ProcessingContext<T>, run: () => V | null, stage: Stage): V | null {
    try {
      const result = run();
      if (context.failed()) {
        this.#markAsFailed();
        this.metrics.recordSkipped();
      }
      return result;
    } catch (e) {
      this.metrics.recordFailure();
      this.#markAsFailed();
      context.error = e;
      const tolerated = TOLERATE_ANY_EXCEPTION.has(stage) || e instanceof RetriableException;
      if (!tolerated) throw new ConnectException('Unhandled exception in error handler', { cause: e });
      if (!this.withinToleranceLimits())
        throw new ConnectException('Tolerance exceeded in error handler', { cause: e });
      this.metrics.recordSkipped();
      return null;
    }
  }

  #deadline(start: number): number {
    return this.options.retryTimeoutMs >= 0 ? start + this.options.retryTimeoutMs : Number.POSITIVE_INFINITY;
  }

  /** execAndRetry (sync). Returns null with context.error set when retries are exhausted. */
  #retrySync<V>(context: ProcessingContext<T>, operation: () => V): V | null {
    let attempt = 0;
    const deadline = this.#deadline(this.#now());
    for (;;) {
      try {
        attempt++;
        return operation();
      } catch (e) {
        if (!(e instanceof RetriableException)) throw e;
        this.metrics.recordFailure();
        if (this.#now() < deadline) {
          sleepSync(this.#backoffDelay(attempt, deadline));
          this.metrics.recordRetry();
        } else {
          context.error = e;
          return null;
        }
        if (this.#stopping) {
          context.error = e;
          return null;
        }
      } finally {
        context.attempt = attempt;
      }
    }
  }

  async #retryAsync<V>(context: ProcessingContext<T>, operation: () => V | Promise<V>): Promise<V | null> {
    let attempt = 0;
    const deadline = this.#deadline(this.#now());
    for (;;) {
      try {
        attempt++;
        return await operation();
      } catch (e) {
        if (!(e instanceof RetriableException)) throw e;
        this.metrics.recordFailure();
        if (this.#now() < deadline) {
          await this.#sleep(this.#backoffDelay(attempt, deadline));
          this.metrics.recordRetry();
        } else {
          context.error = e;
          return null;
        }
        if (this.#stopping) {
          context.error = e;
          return null;
        }
      } finally {
        context.attempt = attempt;
      }
    }
  }

  /** RetryWithToleranceOperator.backoff: 300 ms << (attempt-1), random below the max when over it, cut at the deadline. */
  #backoffDelay(attempt: number, deadline: number): number {
    let delay = RETRIES_DELAY_MIN_MS * 2 ** (attempt - 1);
    if (delay > this.options.maxDelayMs) delay = this.#random(this.options.maxDelayMs);
    const now = this.#now();
    if (delay + now > deadline) delay = Math.max(0, deadline - now);
    return delay;
  }

  #sleep(ms: number): Promise<void> {
    if (this.#stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = (): void => done();
      this.#wakeStop = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  #markAsFailed(): void {
    this.metrics.recordErrorTimestamp();
    this.#totalFailures++;
  }

  withinToleranceLimits(): boolean {
    return this.options.tolerance === 'ALL' || this.#totalFailures === 0;
  }

  /** Sends the context to every reporter; the returned promise settles when all did. */
  report(context: ProcessingContext<T>): Promise<void> {
    const all = Promise.all(this.#reporters.map((r) => r.report(context).catch(() => undefined))).then(
      () => undefined,
    );
    this.#pending.add(all);
    void all.finally(() => this.#pending.delete(all));
    return all;
  }

  /** Resolves when every report issued so far has settled (DLQ sends acknowledged or failed). */
  async flushReports(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Stop retrying (task stopping): the current backoff ends now and the operation counts as failed. */
  triggerStop(): void {
    this.#stopping = true;
    this.#wakeStop?.();
  }

  async close(): Promise<void> {
    let failure: ConnectException | null = null;
    for (const reporter of this.#reporters) {
      try {
        await reporter.close();
      } catch (e) {
        failure ??= new ConnectException('Failed to close all reporters', { cause: e });
      }
    }
    this.#reporters = [];
    if (failure !== null) throw failure;
  }

  toString(): string {
    return `RetryWithToleranceOperator{errorRetryTimeout=${this.options.retryTimeoutMs}, errorMaxDelayInMillis=${this.options.maxDelayMs}, errorToleranceType=${this.options.tolerance}, totalFailures=${this.#totalFailures}}`;
  }
}

/** Blocks the thread for ms (Java's latch.await in backoff); only used when a sync stage throws RetriableException. */
function sleepSync(ms: number): void {
  if (ms <= 0) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
