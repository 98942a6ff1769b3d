import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LabError } from '../../runtime/lab/errors';
import { inspectStateDir, STATE_FILE, writeState } from '../../runtime/lab/state-dir';
import type { LabState } from '../../runtime/lab/state-dir';

const root = mkdtempSync(join(tmpdir(), 'kcl-unit-state-'));
let n = 0;
function dir(): string {
  return join(root, `d${n++}`);
}

function sampleState(): LabState {
  return {
    product: 'kafka-connect-lab',
    version: 1,
    provider: 'local',
    createdAt: '2026-01-01T00:00:00.000Z',
    ports: { kafka: 40001, controller: 40002, postgres: 40003, connect: 40004 },
    kafka: { clusterId: 'AAAAAAAAAAAAAAAAAAAAAA' },
    postgres: { dir: '/tmp/x/postgres' },
    connect: { url: null },
    processes: { kafka: { pid: 12, startTime: '345', cmdline: ['java', 'kafka.Kafka'] } },
  };
}

function rejects(d: string, code: string, pattern: RegExp): void {
  assert.throws(
    () => inspectStateDir(d),
    (e: unknown) =>
      e instanceof LabError && e.code === code && pattern.test(e.message) && e.nextStep.length > 0,
  );
}

void describe('lab state dir', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  void it('tells missing, empty and ours apart', () => {
    const d = dir();
    assert.deepEqual(inspectStateDir(d), { kind: 'missing' });
    mkdirSync(d);
    assert.deepEqual(inspectStateDir(d), { kind: 'empty' });
    writeState(d, sampleState());
    assert.deepEqual(inspectStateDir(d), { kind: 'ours', state: sampleState() });
  });

  void it('refuses a directory with other files and no state file', () => {
    const d = dir();
    mkdirSync(d);
    writeFileSync(join(d, 'precious.txt'), 'keep me');
    rejects(d, 'FOREIGN_STATE_DIR', /not a kafka-connect-lab state dir.*nothing was changed or deleted/);
    assert.equal(readFileSync(join(d, 'precious.txt'), 'utf8'), 'keep me');
  });

  void it('refuses a file where the dir should be', () => {
    const d = dir();
    writeFileSync(d, 'x');
    rejects(d, 'FOREIGN_STATE_DIR', /not a directory/);
  });

  void it('refuses a state file of another product', () => {
    const d = dir();
    mkdirSync(d);
    writeFileSync(join(d, STATE_FILE), JSON.stringify({ ...sampleState(), product: 'someone-else' }));
    rejects(d, 'FOREIGN_STATE_DIR', /belongs to "someone-else"/);
  });

  void it('reports corrupted state files precisely', () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [JSON.stringify([1]), /not a JSON object/],
      [JSON.stringify({ ...sampleState(), version: 9 }), /state version 9/],
      [JSON.stringify({ ...sampleState(), ports: { kafka: 'x' } }), /ports missing or invalid/],
      [
        JSON.stringify({ ...sampleState(), processes: { kafka: { pid: 'x' } } }),
        /process entry "kafka" invalid/,
      ],
    ];
    for (const [text, pattern] of cases) {
      const d = dir();
      mkdirSync(d);
      writeFileSync(join(d, STATE_FILE), text as string);
      rejects(d, 'CORRUPT_STATE_DIR', pattern);
      assert.equal(readFileSync(join(d, STATE_FILE), 'utf8'), text, 'the file is left as it was');
    }
  });
});
