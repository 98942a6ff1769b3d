/**
 * When to poll next. After a user action we poll fast for a while so transitional states
 * (RESTARTING, UNASSIGNED) settle on screen within seconds; when the cluster is unreachable we back
 * off exponentially; otherwise the configured interval.
 */
export interface PollState {
  baseMs: number;
  /** Fast polling lasts until this time (epoch ms). */
  fastUntil: number;
  consecutiveErrors: number;
}

export const FAST_POLL_MS = 1000;
export const FAST_WINDOW_MS = 10_000;
export const MAX_BACKOFF_MS = 60_000;

export function nextPollDelay(state: PollState, now: number): number {
  if (state.consecutiveErrors > 0) {
    return Math.min(MAX_BACKOFF_MS, state.baseMs * 2 ** Math.min(state.consecutiveErrors, 10));
  }
  if (now < state.fastUntil) return Math.min(FAST_POLL_MS, state.baseMs);
  return state.baseMs;
}

export function afterAction(state: PollState, now: number): PollState {
  return { ...state, fastUntil: now + FAST_WINDOW_MS, consecutiveErrors: 0 };
}
