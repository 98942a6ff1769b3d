import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FAST_POLL_MS,
  FAST_WINDOW_MS,
  MAX_BACKOFF_MS,
  afterAction,
  nextPollDelay,
} from '../../src/model/polling';

void describe('polling with backoff', () => {
  const base = { baseMs: 5000, fastUntil: 0, consecutiveErrors: 0 };

  void it('polls at the configured interval when idle', () => {
    assert.equal(nextPollDelay(base, 1000), 5000);
  });

  void it('polls fast for a window after a user action, so new states show within 2 s', () => {
    const s = afterAction(base, 1000);
    assert.equal(nextPollDelay(s, 1000), FAST_POLL_MS);
    assert.ok(FAST_POLL_MS <= 2000);
    assert.equal(nextPollDelay(s, 1000 + FAST_WINDOW_MS + 1), 5000);
  });

  void it('backs off exponentially while a cluster is unreachable, capped, and an action resets it', () => {
    assert.equal(nextPollDelay({ ...base, consecutiveErrors: 1 }, 0), 10_000);
    assert.equal(nextPollDelay({ ...base, consecutiveErrors: 2 }, 0), 20_000);
    assert.equal(nextPollDelay({ ...base, consecutiveErrors: 30 }, 0), MAX_BACKOFF_MS);
    assert.equal(afterAction({ ...base, consecutiveErrors: 5 }, 0).consecutiveErrors, 0);
  });
});
