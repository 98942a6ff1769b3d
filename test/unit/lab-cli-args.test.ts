import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabArgs } from '../../runtime/lab/cli-args';
import { LabError } from '../../runtime/lab/errors';

function usageError(argv: string[], pattern: RegExp): void {
  assert.throws(
    () => parseLabArgs(argv),
    (e: unknown) => e instanceof LabError && e.code === 'USAGE' && pattern.test(e.message),
  );
}

void describe('lab argument parsing', () => {
  void it('reads up with every option', () => {
    assert.deepEqual(
      parseLabArgs(['up', '--provider', 'local', '--detach', '--state-dir=/x', '--no-connect']),
      {
        command: 'up',
        provider: 'local',
        detach: true,
        connect: false,
        json: false,
        stateDir: '/x',
      },
    );
    assert.deepEqual(parseLabArgs(['up']), {
      command: 'up',
      provider: 'local',
      detach: false,
      connect: true,
      json: false,
    });
  });

  void it('reads down, status and logs', () => {
    assert.deepEqual(parseLabArgs(['down', '--purge']), { command: 'down', purge: true });
    assert.deepEqual(parseLabArgs(['status', '--json', '--state-dir', 'd']), {
      command: 'status',
      json: true,
      stateDir: 'd',
    });
    assert.deepEqual(parseLabArgs(['logs', 'kafka', '--tail', '5']), {
      command: 'logs',
      service: 'kafka',
      tail: 5,
    });
    assert.deepEqual(parseLabArgs([]), { command: 'help' });
  });

  void it('accepts the providers that are not built yet (they fail later, with their own message)', () => {
    assert.equal((parseLabArgs(['up', '--provider', 'docker']) as { provider: string }).provider, 'docker');
  });

  void it('rejects unknown commands, options, providers and services', () => {
    usageError(['start'], /Unknown command "start"/);
    usageError(['up', '--provider', 'k8s'], /Unknown provider "k8s"/);
    usageError(['up', '--force'], /Unknown option --force for "up"/);
    usageError(['down', '--json'], /Unknown option --json for "down"/);
    usageError(['logs', 'zookeeper'], /logs needs one service/);
    usageError(['logs'], /logs needs one service/);
    usageError(['up', '--state-dir'], /--state-dir needs a value/);
    usageError(['logs', 'kafka', '--tail', '0'], /--tail needs a positive number/);
    usageError(['status', 'extra'], /Unexpected argument "extra"/);
  });
});
