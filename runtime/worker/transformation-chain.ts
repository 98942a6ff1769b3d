/**
 * TransformationChain seam: SMTs and predicates plug in here (issue 5). Until then the chain is empty
 * and passes every record through unchanged.
 */
export interface TransformationChain<R> {
  apply(record: R): R | null;
  close(): void;
}

export function emptyChain<R>(): TransformationChain<R> {
  return { apply: (r) => r, close: () => {} };
}
