/** The launcher's reading of node's TAP report, which decides the final `N passed, N failed` line. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTap } from '../run';

// Shape of node 20's TAP reporter: children before their parent, YAML blocks between --- and ...
const TAP = `TAP version 13
# Subtest: suite
    # Subtest: x
    ok 1 - x
      ---
      duration_ms: 1
      ...
    # Subtest: y
    ok 2 - y # SKIP needs java
      ---
      duration_ms: 0
      ...
    1..2
ok 1 - suite
  ---
  duration_ms: 2
  type: 'suite'
  ...
# Subtest: parent
    # Subtest: child1
    ok 1 - child1
    # Subtest: child2
    not ok 2 - child2
      ---
      failureType: 'testCodeFailure'
      error: |-
        not ok 99 - text inside an error is not a result
      ...
    1..2
not ok 2 - parent
  ---
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  ...
# Subtest: /x/crashed-after-tests.test.ts
    # Subtest: fine
    ok 1 - fine
    1..1
not ok 3 - /x/crashed-after-tests.test.ts
  ---
  failureType: 'testCodeFailure'
  exitCode: 1
  ...
# Subtest: /x/load-failure.test.ts
not ok 4 - /x/load-failure.test.ts
  ---
  failureType: 'testCodeFailure'
  exitCode: 1
  ...
# Subtest: later
ok 5 - later # TODO write it
1..5
# tests 9
# pass 4
# fail 4
`;

void describe('test launcher TAP counting', () => {
  void it('counts leaves, skips and todos, and failures of a parent that are its own', () => {
    // passed: x, child1, fine; failed: child2, crashed file, load-failure file; skipped: y, later
    assert.deepEqual(countTap(TAP), { passed: 3, failed: 3, skipped: 2 });
  });

  void it('counts nothing in an empty report', () => {
    assert.deepEqual(countTap(''), { passed: 0, failed: 0, skipped: 0 });
  });
});
