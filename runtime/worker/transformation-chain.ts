/**
 * The worker's TransformationChain: runtime/transforms' chain (stages run under the task's
 * RetryWithToleranceOperator in stage TRANSFORMATION), with transformations and predicates looked up
 * in the worker's plugin registry so every registered SMT (built-in, Debezium's ExtractNewRecordState,
 * plugin-path ones) is found by class name or Connect alias.
 */
import type { ConnectRecord } from '../api/records';
import { javaToString } from '../config/java-compat';
import { ConnectException } from '../data/errors';
import type { ProcessingContext } from '../errors/tolerance/processing-context';
import type { RetryWithToleranceOperator } from '../errors/tolerance/retry-with-tolerance-operator';
import type { PluginRegistry } from '../plugins/registry';
import { TransformationChain as Chain, TransformationStage, originalsWithPrefix } from '../transforms/chain';
import type { Predicate, Transformation } from '../transforms/transformation';

export interface TransformationChain<R> {
  /** The transformed record, or null when dropped or when a tolerated failure happened (context.failed()). */
  apply(record: R, context?: ProcessingContext<unknown>): R | null;
  close(): void;
}

export function emptyChain<R>(): TransformationChain<R> {
  return { apply: (r) => r, close: () => {} };
}

/** ConfigDef LIST parsing of `transforms`: comma separated, trimmed, "" → []. */
function aliasList(value: string | undefined): string[] {
  const s = (value ?? '').trim();
  return s.length === 0 ? [] : s.split(/\s*,\s*/);
}

/**
 * ConnectorConfig.transformationStages over a validated connector config (`transforms=a,b`,
 * `transforms.a.type`, `transforms.a.predicate`, `transforms.a.negate`, `predicates.p.type`).
 * Failures become ConnectException (the task fails at start, as in Connect).
 */
export function buildWorkerTransformationChain<R extends ConnectRecord<R>>(
  plugins: PluginRegistry,
  config: Readonly<Record<string, string>>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed by the task's original-record type, not R
  operator: RetryWithToleranceOperator<any>,
): Chain<R> {
  const stages: TransformationStage<R>[] = [];
  try {
    for (const alias of aliasList(config['transforms'])) {
      const prefix = `transforms.${alias}.`;
      const typeName = (config[`${prefix}type`] ?? '').trim();
      const desc = plugins.find(typeName, ['transformation']);
      if (desc === undefined) throw new ConnectException(`Class ${typeName} could not be found.`);
      const transformation = desc.create() as Transformation<R>;
      const props = originalsWithPrefix(config, prefix);
      const predicateAlias = props['predicate'];
      const negate = props['negate'];
      delete props['predicate'];
      delete props['negate'];
      transformation.configure(props);
      if (predicateAlias !== undefined && predicateAlias !== null) {
        const predicatePrefix = `predicates.${javaToString(predicateAlias)}.`;
        const predicateType = (config[`${predicatePrefix}type`] ?? '').trim();
        const pd = plugins.find(predicateType, ['predicate']);
        if (pd === undefined) throw new ConnectException(`Class ${predicateType} could not be found.`);
        const predicate = pd.create() as Predicate<R>;
        predicate.configure(originalsWithPrefix(config, predicatePrefix));
        const negated =
          negate !== undefined && negate !== null && javaToString(negate).trim().toLowerCase() === 'true';
        stages.push(new TransformationStage(transformation, predicate, negated));
      } else {
        stages.push(new TransformationStage(transformation));
      }
    }
  } catch (e) {
    for (const s of stages) s.close();
    if (e instanceof ConnectException) throw e;
    throw new ConnectException(e instanceof Error ? e.message : String(e), { cause: e });
  }
  return new Chain(stages, operator);
}
