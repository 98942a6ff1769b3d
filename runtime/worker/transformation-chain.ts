/**
 * The worker's TransformationChain: runtime/transforms' chain (stages run under the task's
 * RetryWithToleranceOperator in stage TRANSFORMATION), with transformations and predicates looked up
 * in the worker's plugin registry so every registered SMT (built-in, Debezium's ExtractNewRecordState,
 * plugin-path ones) is found by class name or Connect alias.
 */
import type { ConnectRecord } from '../api/records';
import type { ProcessingContext } from '../errors/tolerance/processing-context';
import type { RetryWithToleranceOperator } from '../errors/tolerance/retry-with-tolerance-operator';
import type { PluginRegistry } from '../plugins/registry';
import type { TransformationChain as Chain } from '../transforms/chain';
import { buildTransformationChain } from '../transforms/chain';
import type { Predicate, Transformation } from '../transforms/transformation';

export interface TransformationChain<R> {
  /** The transformed record, or null when dropped or when a tolerated failure happened (context.failed()). */
  apply(record: R, context?: ProcessingContext<unknown>): R | null;
  /** apply(record, context) whose retry backoff (RetriableException) waits on a timer: a promise only then. */
  applyStaged?(record: R, context: ProcessingContext<unknown>): R | null | Promise<R | null>;
  close(): void;
}

export function emptyChain<R>(): TransformationChain<R> {
  return { apply: (r) => r, close: () => {} };
}

/**
 * ConnectorConfig.transformationStages over a validated connector config, with every SMT and
 * predicate looked up in the worker's registry (class name or Connect alias). Failures become
 * ConnectException (the task fails at start, as in Connect).
 */
export function buildWorkerTransformationChain<R extends ConnectRecord<R>>(
  plugins: PluginRegistry,
  config: Readonly<Record<string, string>>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed by the task's original-record type, not R
  operator: RetryWithToleranceOperator<any>,
): Chain<R> {
  return buildTransformationChain<R>(config, operator, (name, kind) => {
    const desc = plugins.find(name, [kind]);
    return desc === undefined ? undefined : () => desc.create() as Transformation<never> | Predicate<never>;
  });
}
