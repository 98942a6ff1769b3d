/**
 * A sink connector deployed on a brand-new topic, under a brand-new consumer group, as soon as the
 * runtime is up: no throwaway group joins first. On a fresh broker the task's join is the first group
 * request, so it meets the window where __consumer_offsets is being created and its coordinator is
 * still loading (COORDINATOR_NOT_AVAILABLE / NOT_COORDINATOR / COORDINATOR_LOAD_IN_PROGRESS). Like a
 * real worker's KafkaConsumer, the task retries through it: it is never FAILED and delivers every
 * record. (Whether the window is hit depends on which test in the run touches a group first; the
 * retry classification itself is unit-tested in test/unit/kafka-retriable.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kafkaClient, uniqueName } from '../support/cluster';
import { eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

interface Status {
  connector: { state: string; trace?: string };
  tasks: { id: number; state: string; trace?: string }[];
}

void describe('sink task on a fresh topic and group (group coordinator not ready yet)', () => {
  let rt: RuntimeProcess;
  const dir = mkdtempSync(join(tmpdir(), 'kcl-sink-coord-'));

  before(async () => {
    rt = await startRuntimeProcess({ offsetFlushIntervalMs: 500 });
  });
  after(async () => {
    await rt?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  void it('reaches RUNNING, is never FAILED, and writes every record', async () => {
    const topic = uniqueName('coord_fresh');
    const name = uniqueName('coord-sink');
    const output = join(dir, 'out.txt');
    // Deployed first, before the topic exists: the task subscribes and joins its group at once.
    const created = await http(rt.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'FileStreamSink',
        topics: topic,
        file: output,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      },
    });
    assert.equal(created.status, 201, created.text);

    const seen = new Set<string>();
    let failure = '';
    const watch = async (): Promise<Status | undefined> => {
      const r = await http(rt.url, 'GET', `/connectors/${name}/status`);
      if (r.status !== 200) return undefined;
      const s = r.body as Status;
      for (const t of s.tasks) {
        seen.add(t.state);
        if (t.state === 'FAILED') failure = t.trace ?? '(no trace)';
      }
      if (s.connector.state === 'FAILED') failure = s.connector.trace ?? '(no trace)';
      return s;
    };

    const producer = kafkaClient().producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      const lines = Array.from({ length: 20 }, (_, i) => `line-${i}`);
      await producer.send({ topic, messages: lines.map((value) => ({ value })) });
      const text = await eventually(
        async () => {
          await watch();
          if (failure !== '') throw new Error(`sink task FAILED: ${failure}`);
          if (!existsSync(output)) return undefined;
          const t = readFileSync(output, 'utf8');
          return t.split('\n').filter((l) => l !== '').length >= lines.length ? t : undefined;
        },
        120000,
        'every record in the sink file',
      );
      assert.equal(failure, '', `the task failed on the way: ${failure}`);
      assert.deepEqual(
        text.split('\n').filter((l) => l !== ''),
        lines,
      );
      const s = await watch();
      assert.equal(s?.connector.state, 'RUNNING');
      assert.deepEqual(
        s?.tasks.map((t) => t.state),
        ['RUNNING'],
      );
      assert.equal(seen.has('FAILED'), false, `states seen: ${[...seen].join(', ')}`);
      // Informational: whether this run met the coordinator window (it depends on what ran before).
      const retries = rt
        .stderr()
        .split('\n')
        .filter((l) => /consumer error, retrying|retries connecting/.test(l));
      console.log(`[sink-task-coordinator] consumer retries logged by the runtime: ${retries.length}`);
      for (const l of retries.slice(0, 3)) console.log(`  ${l}`);
    } finally {
      await producer.disconnect().catch(() => undefined);
      await http(rt.url, 'DELETE', `/connectors/${name}`).catch(() => undefined);
    }
  });
});
