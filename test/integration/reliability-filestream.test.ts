/**
 * Reliability (issue 3, "Must show"): `kill -9` of our runtime while FileStream connectors stream 100k
 * lines, then a restart with the same group id and state dir → every line arrives (0 lost). Duplicates
 * are allowed (Connect is at-least-once) but counted and reported.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { OurRuntime } from '../support/differential';
import {
  createTopics,
  deleteTopics,
  kafka,
  readTopic,
  request,
  startOurRuntime,
  topicSize,
  waitTopicSize,
} from '../support/differential';
import { uniqueGroupId } from '../support/runtime-process';

const LINES = 100_000;
const CHUNKS = 100;
const KILL_AT = 30_000;
const line = (i: number): string => `line-${String(i).padStart(6, '0')} payload for the reliability test`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function createConnector(url: string, name: string, config: Record<string, string>): Promise<void> {
  const res = await request(url, 'POST', '/connectors', {
    text: JSON.stringify({ name, config }),
    contentType: 'application/json',
  });
  assert.equal(res.status, 201, `create ${name}: ${JSON.stringify(res.body)}`);
}

async function deleteConnector(url: string, name: string): Promise<void> {
  await request(url, 'DELETE', `/connectors/${name}`).catch(() => undefined);
}

/** Counts every expected line among the delivered ones: lost = expected lines never seen. */
function tally(delivered: string[]): {
  lost: number;
  duplicates: number;
  unexpected: number;
  firstLost: string[];
} {
  const seen = new Map<string, number>();
  for (const text of delivered) seen.set(text, (seen.get(text) ?? 0) + 1);
  const firstLost: string[] = [];
  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < LINES; i++) {
    const n = seen.get(line(i)) ?? 0;
    if (n === 0) {
      lost++;
      if (firstLost.length < 5) firstLost.push(line(i));
    } else duplicates += n - 1;
    seen.delete(line(i));
  }
  const unexpected = [...seen.values()].reduce((a, b) => a + b, 0);
  return { lost, duplicates, unexpected, firstLost };
}

/** Feeds `LINES` lines in CHUNKS steps, one step every `intervalMs`, while the test kills and restarts. */
async function feed(write: (lines: string[]) => Promise<void>, intervalMs: number): Promise<void> {
  const per = LINES / CHUNKS;
  for (let c = 0; c < CHUNKS; c++) {
    const chunk: string[] = [];
    for (let i = c * per; i < (c + 1) * per; i++) chunk.push(line(i));
    await write(chunk);
    await sleep(intervalMs);
  }
}

async function restartAfterKill(
  runtime: OurRuntime,
  progress: () => Promise<number>,
  log: (msg: string) => void,
): Promise<OurRuntime> {
  const deadline = Date.now() + 120_000;
  let done = 0;
  while (Date.now() < deadline) {
    done = await progress();
    if (done >= KILL_AT) break;
    await sleep(100);
  }
  assert.ok(
    done >= KILL_AT,
    `only ${done} lines delivered before the kill point (runtime too slow or stuck)`,
  );
  assert.ok(
    done < LINES,
    `all ${LINES} lines were already delivered before the kill (test would prove nothing)`,
  );
  await runtime.kill9();
  log(`kill -9 after ${done} of ${LINES} lines`);
  const restarted = await startOurRuntime({ groupId: runtime.groupId, stateDir: runtime.stateDir });
  log(`restarted in ${restarted.startupMs} ms`);
  return restarted;
}

void test(
  'kill -9 while FileStreamSource streams 100k lines → after restart every line is in the topic',
  { timeout: 10 * 60_000 },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-reliability-src-'));
    const file = join(dir, 'input.txt');
    writeFileSync(file, '');
    const topic = `kcl-reliability-src-${Date.now().toString(36)}`;
    const name = `${topic}-connector`;
    await createTopics([topic]);
    let runtime = await startOurRuntime({ groupId: uniqueGroupId('kcl-reliability'), stateDir: dir });
    try {
      await createConnector(runtime.url, name, { 'connector.class': 'FileStreamSource', file, topic });
      const feeding = feed((lines) => Promise.resolve(appendFileSync(file, lines.join('\n') + '\n')), 100);
      runtime = await restartAfterKill(
        runtime,
        async () => topicSize(topic).catch(() => 0),
        (m) => t.diagnostic(m),
      );
      await feeding;
      let size = await waitTopicSize(topic, LINES, 180_000);
      // Duplicates can reach LINES before the last lines do: count only once the topic stopped growing.
      for (let previous = -1; size !== previous;) {
        previous = size;
        await sleep(3000);
        size = await topicSize(topic);
      }
      const records = await readTopic(topic);
      const delivered = records.map((r) => {
        const value = JSON.parse(r.value?.toString('utf8') ?? 'null') as { payload?: unknown } | null;
        return typeof value?.payload === 'string' ? value.payload : JSON.stringify(value);
      });
      const result = tally(delivered);
      t.diagnostic(
        `source: ${records.length} records for ${LINES} lines; lost ${result.lost}, duplicates ${result.duplicates}, unexpected ${result.unexpected} (topic size when counted ${size})`,
      );
      assert.equal(result.lost, 0, `lines lost, e.g. ${result.firstLost.join(', ')}`);
      assert.equal(result.unexpected, 0, 'records that are not lines of the file');
    } finally {
      await deleteConnector(runtime.url, name);
      await runtime.stop();
      await deleteTopics([topic]);
    }
  },
);

void test(
  'kill -9 while FileStreamSink writes 100k records → after restart every record is in the file',
  { timeout: 10 * 60_000 },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'kcl-reliability-sink-'));
    const file = join(dir, 'output.txt');
    const topic = `kcl-reliability-sink-${Date.now().toString(36)}`;
    const name = `${topic}-connector`;
    await createTopics([topic]);
    const producer = kafka().producer();
    await producer.connect();
    let runtime = await startOurRuntime({ groupId: uniqueGroupId('kcl-reliability'), stateDir: dir });
    const fileLines = (): string[] =>
      existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(0, -1) : [];
    try {
      await createConnector(runtime.url, name, { 'connector.class': 'FileStreamSink', file, topics: topic });
      // Values as the worker's default JsonConverter (schemas.enable=true) expects them.
      const feeding = feed(async (lines) => {
        await producer.send({
          topic,
          messages: lines.map((l) => ({
            value: JSON.stringify({ schema: { type: 'string', optional: false }, payload: l }),
          })),
        });
      }, 100);
      runtime = await restartAfterKill(
        runtime,
        () => Promise.resolve(fileLines().length),
        (m) => t.diagnostic(m),
      );
      await feeding;
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline && new Set(fileLines()).size < LINES) await sleep(500);
      for (let previous = -1, now = fileLines().length; now !== previous; now = fileLines().length) {
        previous = now;
        await sleep(3000);
      }
      const result = tally(fileLines());
      t.diagnostic(
        `sink: ${fileLines().length} lines in the file for ${LINES} records; lost ${result.lost}, duplicates ${result.duplicates}, unexpected ${result.unexpected}`,
      );
      assert.equal(result.lost, 0, `records lost, e.g. ${result.firstLost.join(', ')}`);
      assert.equal(result.unexpected, 0, 'lines that are not records of the topic');
    } finally {
      await producer.disconnect();
      await deleteConnector(runtime.url, name);
      await runtime.stop();
      await deleteTopics([topic]);
    }
  },
);
