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
    // No --provider: chosen at up time (the state dir's, else docker when an engine answers, else local).
    assert.deepEqual(parseLabArgs(['up']), {
      command: 'up',
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

  void it('reads the docker and external options', () => {
    assert.deepEqual(
      parseLabArgs(['up', '--provider', 'docker', '--kafka-image', 'k:1', '--postgres-image=p:2']),
      {
        command: 'up',
        provider: 'docker',
        detach: false,
        connect: true,
        json: false,
        kafkaImage: 'k:1',
        postgresImage: 'p:2',
      },
    );
    assert.deepEqual(
      parseLabArgs([
        'up',
        '--bootstrap-servers',
        'b1:9092,b2:9092',
        '--connect-url',
        'http://c1:8083',
        '--connect-url=http://c2:8083,http://c3:8083',
        '--postgres-url',
        'postgres://u:p@h/db',
        '--connect-user',
        'admin',
      ]),
      {
        command: 'up',
        detach: false,
        connect: true,
        json: false,
        external: {
          bootstrapServers: 'b1:9092,b2:9092',
          connectUrls: ['http://c1:8083', 'http://c2:8083', 'http://c3:8083'],
          postgresUrl: 'postgres://u:p@h/db',
          connectUsername: 'admin',
        },
      },
    );
    usageError(['up', '--provider', 'local', '--kafka-image', 'k'], /options of --provider docker/);
    usageError(
      ['up', '--provider', 'docker', '--bootstrap-servers', 'b:1'],
      /options of --provider external/,
    );
    usageError(['up', '--connect-url', 'http://c:8083'], /needs --bootstrap-servers/);
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
