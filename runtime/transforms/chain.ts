import type { ConnectRecord } from '../api/records';
import { javaToString as javaToStringValue } from '../config/java-compat';
import { ConnectException } from '../data/errors';
import type { ProcessingContext } from '../errors/tolerance/processing-context';
import type { RetryWithToleranceOperator } from '../errors/tolerance/retry-with-tolerance-operator';
import { findSmtPlugin } from './plugins';
import type { Predicate, Transformation } from './transformation';

/**
 * org.apache.kafka.connect.runtime.TransformationStage: a transformation guarded by an optional
 * predicate; it applies when there is no predicate or when `negate XOR predicate.test(record)`.
 */
export class TransformationStage<R extends ConnectRecord<R>> {
  constructor(
    readonly transformation: Transformation<R>,
    readonly predicate: Predicate<R> | null = null,
    readonly negate = false,
  ) {}

  /** transformClass().getName(): what LogReporter and `__connect.errors.class.name` show. */
  get transformClass(): string {
    return this.transformation.className;
  }

  apply(record: R): R | null {
    if (this.predicate === null || this.negate !== this.predicate.test(record))
      return this.transformation.apply(record);
    return record;
  }

  close(): void {
    closeQuietly(() => this.transformation.close());
    if (this.predicate !== null) {
      const p = this.predicate;
      closeQuietly(() => p.close());
    }
  }

  toString(): string {
    return `TransformationStage{predicate=${this.predicate === null ? 'null' : this.predicate.className}, transformation=${this.transformClass}, negate=${this.negate}}`;
  }
}

function closeQuietly(close: () => void): void {
  try {
    close();
  } catch {
    // Utils.closeQuietly: close failures are logged and ignored by Connect
  }
}

/**
 * org.apache.kafka.connect.runtime.TransformationChain. Worker seam:
 *   chain.apply(record)            — no error handling (exceptions propagate), for callers without an operator;
 *   chain.apply(record, context)   — each stage runs under the chain's RetryWithToleranceOperator in stage
 *                                    TRANSFORMATION with the transformation's class name; returns null when
 *                                    the record was dropped (a stage returned null) OR a failure was tolerated
 *                                    (then context.failed() is true); throws "Tolerance exceeded in error handler".
 *   chain.close()                  — closes every transformation and predicate.
 */
export class TransformationChain<R extends ConnectRecord<R>> {
  constructor(
    readonly stages: readonly TransformationStage<R>[],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the operator is typed by the task's original-record type, not R
    readonly operator: RetryWithToleranceOperator<any> | null = null,
  ) {}

  apply(record: R, context?: ProcessingContext<unknown>): R | null {
    if (this.stages.length === 0) return record;
    let current: R | null = record;
    for (const stage of this.stages) {
      const input: R = current;
      if (context !== undefined && this.operator !== null) {
        current = this.operator.execute(
          context,
          () => stage.apply(input),
          'TRANSFORMATION',
          stage.transformClass,
        );
      } else {
        current = stage.apply(input);
      }
      if (current === null) break;
    }
    return current;
  }

  /**
   * apply(record, context) for the worker's tasks: the same stages and outcome, but a stage that throws
   * a RetriableException with retries allowed continues asynchronously (RetryWithToleranceOperator
   * .executeStage: timer backoff, the event loop is not blocked). A promise is returned only then;
   * callers await it before the next record.
   */
  applyStaged(record: R, context: ProcessingContext<unknown>): R | null | Promise<R | null> {
    return this.#applyFrom(0, record, context);
  }

  #applyFrom(first: number, record: R, context: ProcessingContext<unknown>): R | null | Promise<R | null> {
    let current: R | null = record;
    for (let i = first; i < this.stages.length; i++) {
      const stage = this.stages[i];
      const input: R = current;
      const out: R | null | Promise<R | null> =
        this.operator === null
          ? stage.apply(input)
          : this.operator.executeStage(
              context,
              () => stage.apply(input),
              'TRANSFORMATION',
              stage.transformClass,
            );
      if (out instanceof Promise)
        return out.then((r) => (r === null ? null : this.#applyFrom(i + 1, r, context)));
      current = out;
      if (current === null) break;
    }
    return current;
  }

  close(): void {
    for (const stage of this.stages) stage.close();
  }

  toString(): string {
    return `org.apache.kafka.connect.runtime.TransformationChain{${this.stages.map((s) => s.transformClass).join(', ')}}`;
  }
}

/** ConfigDef LIST parsing of `transforms` / `predicates`: comma separated, trimmed, "" → []. */
function aliasList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => javaToStringValue(v));
  if (value === null || value === undefined) return [];
  const s = javaToStringValue(value).trim();
  return s.length === 0 ? [] : s.split(/\s*,\s*/);
}

/** AbstractConfig.originalsWithPrefix: the keys under `prefix`, prefix stripped. */
export function originalsWithPrefix(
  config: Readonly<Record<string, unknown>>,
  prefix: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config))
    if (k.startsWith(prefix) && k.length > prefix.length) out[k.slice(prefix.length)] = v;
  return out;
}

/**
 * Finds a transformation or predicate by class name or alias and returns a factory for fresh
 * instances. The worker passes its plugin registry (which also holds Debezium's SMT and plugin-path
 * ones); the default knows the built-in SMTs only.
 */
export type SmtFactoryLookup = (
  name: string,
  kind: 'transformation' | 'predicate',
) => (() => Transformation<never> | Predicate<never>) | undefined;

const builtinSmtLookup: SmtFactoryLookup = (name, kind) => {
  const plugin = kind === 'transformation' ? findSmtPlugin(name, kind) : findSmtPlugin(name, kind);
  return plugin === undefined ? undefined : () => plugin.factory<never>();
};

/**
 * ConnectorConfig.transformationStages: builds the chain from a (validated) connector config:
 * `transforms=a,b`, `transforms.a.type=<class or alias>`, `transforms.a.<key>=...`,
 * `transforms.a.predicate=<p>`, `transforms.a.negate=true|false`, `predicates.<p>.type=...`.
 * Each transformation/predicate gets its originals under its prefix (including `type`, as Java).
 * Failures are wrapped as Java does: ConnectException with the cause's text.
 */
export function buildTransformationChain<R extends ConnectRecord<R>>(
  config: Readonly<Record<string, unknown>>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see TransformationChain.operator
  operator: RetryWithToleranceOperator<any> | null = null,
  lookup: SmtFactoryLookup = builtinSmtLookup,
): TransformationChain<R> {
  const stages: TransformationStage<R>[] = [];
  try {
    for (const alias of aliasList(config['transforms'])) {
      const prefix = `transforms.${alias}.`;
      // CLASS-typed keys are trimmed by ConfigDef parsing.
      const typeName = javaToStringValue(config[`${prefix}type`] ?? '').trim();
      const createTransformation = lookup(typeName, 'transformation');
      if (createTransformation === undefined)
        throw new ConnectException(`Class ${typeName} could not be found.`);
      const transformation = createTransformation() as Transformation<R>;
      const props = originalsWithPrefix(config, prefix);
      const predicateAlias = props['predicate'];
      const negate = props['negate'];
      delete props['predicate'];
      delete props['negate'];
      transformation.configure(props);
      if (predicateAlias !== undefined && predicateAlias !== null) {
        const predicatePrefix = `predicates.${javaToStringValue(predicateAlias)}.`;
        const predicateType = javaToStringValue(config[`${predicatePrefix}type`] ?? '').trim();
        const createPredicate = lookup(predicateType, 'predicate');
        if (createPredicate === undefined)
          throw new ConnectException(`Class ${predicateType} could not be found.`);
        const predicate = createPredicate() as Predicate<R>;
        predicate.configure(originalsWithPrefix(config, predicatePrefix));
        const negated =
          negate !== undefined &&
          negate !== null &&
          javaToStringValue(negate).trim().toLowerCase() === 'true';
        stages.push(new TransformationStage(transformation, predicate, negated));
      } else {
        stages.push(new TransformationStage(transformation));
      }
    }
  } catch (e) {
    for (const s of stages) s.close();
    if (e instanceof ConnectException) throw e;
    throw new ConnectException(javaToString(e), { cause: e });
  }
  return new TransformationChain(stages, operator);
}

function javaToString(e: unknown): string {
  const cls = e as { javaClassName?: unknown; constructor?: { javaClassName?: unknown } } | null;
  const name =
    typeof cls?.javaClassName === 'string'
      ? cls.javaClassName
      : typeof cls?.constructor?.javaClassName === 'string'
        ? cls.constructor.javaClassName
        : 'java.lang.RuntimeException';
  const message = e instanceof Error ? e.message : String(e);
  return message ? `${name}: ${message}` : name;
}
