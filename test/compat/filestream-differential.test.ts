/**
 * FileStream differential (issue 3): the same input file through FileStreamSource on the real Connect
 * 4.4.0 worker and on our runtime → the records in the two topics must be identical (key, value bytes,
 * headers; timestamps ignored); FileStreamSink on both workers reading the same topics → identical files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { HttpResult, OurRuntime } from '../support/differential';
import {
  createTopics,
  deleteTopics,
  diffRecords,
  kafka,
  readTopic,
  request,
  startOurRuntime,
  waitTopicSize,
} from '../support/differential';
import type { RealConnectWorker } from '../support/real-connect';
import { startRealConnect } from '../support/real-connect';

/** Deterministic input: unicode (incl. surrogate pairs), empty lines, \r\n, lone \r, tabs, quotes, control chars, long lines. */
export function fileStreamInput(lines: number): string {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    let line: string;
    switch (i % 11) {
      case 0:
        line = `line ${i} plain ascii`;
        break;
      case 1:
        line = '';
        break;
      case 2:
        line = `unicode ${i}: héllo wörld ✓ 日本語 😀 𝄞`;
        break;
      case 3:
        line = `json-ish ${i}: {"a": "b\\c", "q": "\\"quoted\\"", "u": "\\u00e9"}`;
        break;
      case 4:
        line = `tab\tseparated\t${i}\t`;
        break;
      case 5:
        line = `control ${i} \u0001\u001f\u007f end`;
        break;
      case 6:
        line =
          i % 121 === 6 ? `long ${i} ${'abcdefghij'.repeat(500)}` : `  leading and trailing spaces ${i}  `;
        break;
      case 7:
        line = `${i}`;
        break;
      case 8:
        line = `emoji run ${'😀'.repeat(20)} ${i}`;
        break;
      case 9:
        line = `null`;
        break;
      default:
        line = `last kind ${i} – en dash — em dash … ellipsis`;
    }
    const terminator = i % 5 === 0 ? '\r\n' : i % 13 === 0 && line !== '' ? '\r' : '\n';
    parts.push(line + terminator);
  }
  return parts.join('');
}

/** How many records FileStreamSourceTask emits: one per terminator (\r\n counts once). */
function expectedRecords(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1;
}

/** JsonConverter (schemas.enable=true) values a sink turns into text with String.valueOf(value). */
const MIXED_VALUES: (object | null)[] = [
  { schema: { type: 'string', optional: false }, payload: 'plain string' },
  { schema: { type: 'string', optional: false }, payload: 'unicode ✓ 😀' },
  { schema: { type: 'int32', optional: false }, payload: 42 },
  { schema: { type: 'int64', optional: false }, payload: 9007199254740993 },
  { schema: { type: 'float64', optional: false }, payload: 1.5 },
  { schema: { type: 'float32', optional: false }, payload: 0.1 },
  { schema: { type: 'boolean', optional: false }, payload: true },
  {
    schema: {
      type: 'struct',
      name: 'rec',
      optional: false,
      fields: [
        { field: 'id', type: 'int32', optional: false },
        { field: 'name', type: 'string', optional: true },
        { field: 'tags', type: 'array', items: { type: 'string', optional: false }, optional: true },
      ],
    },
    payload: { id: 1, name: 'x', tags: ['a', 'b'] },
  },
  {
    schema: {
      type: 'map',
      keys: { type: 'string', optional: false },
      values: { type: 'int64', optional: false },
      optional: false,
    },
    payload: { a: 1, b: 2 },
  },
  {
    schema: { type: 'array', items: { type: 'string', optional: false }, optional: false },
    payload: ['x', 'y'],
  },
  { schema: null, payload: { k: 'v', n: 1, nested: { deep: [1, 2] } } },
  { schema: null, payload: 'schemaless string' },
  { schema: { type: 'string', optional: true }, payload: null },
  null,
];

const runId = Date.now().toString(36);
const base = mkdtempSync(join(tmpdir(), 'kcl-filestream-diff-'));
const input = fileStreamInput(3000);
const inputFile = join(base, 'input.txt');
const topics = {
  real: `kcl-fsdiff-${runId}-real`,
  ours: `kcl-fsdiff-${runId}-ours`,
  mixed: `kcl-fsdiff-${runId}-mixed`,
};
let real: RealConnectWorker | undefined;
let ours: OurRuntime | undefined;

async function call(
  url: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: object,
): Promise<HttpResult> {
  return request(
    url,
    method,
    path,
    body ? { text: JSON.stringify(body), contentType: 'application/json' } : undefined,
  );
}

async function createConnector(url: string, name: string, config: Record<string, string>): Promise<void> {
  const res = await call(url, 'POST', '/connectors', { name, config });
  assert.equal(res.status, 201, `create ${name} on ${url}: ${JSON.stringify(res.body)}`);
}

async function waitFileLines(file: string, lines: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if ((text.match(/\n/g) ?? []).length >= lines) {
      // a little longer: a writer that produces too much must show it
      await new Promise((r) => setTimeout(r, 2000));
      return readFileSync(file, 'utf8');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return text;
}

/** Our connector's status incl. the first lines of task traces, to make a failure self-explaining. */
async function statusText(url: string, connector: string): Promise<string> {
  const res = await call(url, 'GET', `/connectors/${connector}/status`);
  const shorten = (k: string, v: unknown): unknown =>
    k === 'trace' && typeof v === 'string' ? v.split('\n').slice(0, 3).join(' | ') : v;
  return `${connector}: ${JSON.stringify(res.body, shorten)}`;
}

function firstDifference(ours: string, real: string): string {
  const o = ours.split('\n');
  const r = real.split('\n');
  for (let i = 0; i < Math.max(o.length, r.length); i++) {
    if (o[i] !== r[i]) return `line ${i + 1}: ours ${JSON.stringify(o[i])} real ${JSON.stringify(r[i])}`;
  }
  return 'no line differs';
}

void describe('FileStream connectors: our runtime vs Kafka Connect 4.x', { timeout: 10 * 60_000 }, () => {
  before(async () => {
    writeFileSync(inputFile, input);
    await createTopics([topics.real, topics.ours, topics.mixed]);
    const producer = kafka().producer();
    await producer.connect();
    await producer.send({
      topic: topics.mixed,
      messages: MIXED_VALUES.map((v) => ({ key: null, value: v === null ? null : JSON.stringify(v) })),
    });
    await producer.disconnect();
    [real, ours] = await Promise.all([startRealConnect(), startOurRuntime()]);
  });
  after(async () => {
    await Promise.all([real?.stop(), ours?.stop()]);
    await deleteTopics(Object.values(topics));
  });

  void test('FileStreamSource: identical records (key, value bytes, headers) and offsets from the same file', async () => {
    assert.ok(real && ours);
    const expected = expectedRecords(input);
    const name = (side: string): string => `kcl-fsdiff-${runId}-src-${side}`;
    await Promise.all([
      createConnector(real.url, name('real'), {
        'connector.class': 'FileStreamSource',
        file: inputFile,
        topic: topics.real,
      }),
      createConnector(ours.url, name('ours'), {
        'connector.class': 'FileStreamSource',
        file: inputFile,
        topic: topics.ours,
      }),
    ]);
    const [realCount, ourCount] = await Promise.all([
      waitTopicSize(topics.real, expected, 120_000),
      waitTopicSize(topics.ours, expected, 120_000),
    ]);
    assert.equal(realCount, expected, 'the real worker emitted one record per line (harness check)');
    await new Promise((r) => setTimeout(r, 2000)); // extra records, if any, must show
    const [realRecords, ourRecords] = await Promise.all([readTopic(topics.real), readTopic(topics.ours)]);
    const differences = diffRecords(ourRecords, realRecords);
    assert.deepEqual(
      differences,
      [],
      `records differ (ours ${ourCount}, real ${realCount}, expected ${expected})`,
    );

    // Same file name on both sides, so the committed source offsets must be equal too.
    const offsets = async (url: string, connector: string): Promise<unknown> => {
      const deadline = Date.now() + 20_000;
      let last: unknown;
      while (Date.now() < deadline) {
        last = (await call(url, 'GET', `/connectors/${connector}/offsets`)).body;
        if (JSON.stringify(last).includes(`"position":${input.length}`)) return last;
        await new Promise((r) => setTimeout(r, 300));
      }
      return last;
    };
    const [realOffsets, ourOffsets] = await Promise.all([
      offsets(real.url, name('real')),
      offsets(ours.url, name('ours')),
    ]);
    assert.deepEqual(ourOffsets, realOffsets, 'committed source offsets');
  });

  void test('FileStreamSink: identical output files for the same topics', async () => {
    assert.ok(real && ours);
    const expectedLines = expectedRecords(input);
    const files = {
      real: join(base, 'sink-real.txt'),
      ours: join(base, 'sink-ours.txt'),
      mixedReal: join(base, 'mixed-real.txt'),
      mixedOurs: join(base, 'mixed-ours.txt'),
    };
    const sink = (file: string, topic: string): Record<string, string> => ({
      'connector.class': 'FileStreamSink',
      file,
      topics: topic,
    });
    // Both sinks read the topic the real source wrote, so their input is the same by construction.
    await Promise.all([
      createConnector(real.url, `kcl-fsdiff-${runId}-sink-real`, sink(files.real, topics.real)),
      createConnector(ours.url, `kcl-fsdiff-${runId}-sink-ours`, sink(files.ours, topics.real)),
      createConnector(real.url, `kcl-fsdiff-${runId}-mixed-real`, sink(files.mixedReal, topics.mixed)),
      createConnector(ours.url, `kcl-fsdiff-${runId}-mixed-ours`, sink(files.mixedOurs, topics.mixed)),
    ]);
    const [realText, ourText, mixedReal, mixedOurs] = await Promise.all([
      waitFileLines(files.real, expectedLines, 120_000),
      waitFileLines(files.ours, expectedLines, 120_000),
      waitFileLines(files.mixedReal, MIXED_VALUES.length, 60_000),
      waitFileLines(files.mixedOurs, MIXED_VALUES.length, 60_000),
    ]);
    assert.equal(
      (realText.match(/\n/g) ?? []).length,
      expectedLines,
      'real sink wrote every line (harness check)',
    );
    const ourStatus = [
      await statusText(ours.url, `kcl-fsdiff-${runId}-sink-ours`),
      await statusText(ours.url, `kcl-fsdiff-${runId}-mixed-ours`),
    ].join('\n');
    assert.ok(
      ourText === realText,
      `sink files differ (ours ${ourText.length} chars, real ${realText.length}): ${firstDifference(ourText, realText)}\n${ourStatus}`,
    );
    assert.ok(
      mixedOurs === mixedReal,
      `sink files of schema'd values differ: ${firstDifference(mixedOurs, mixedReal)}\nreal:\n${mixedReal}\n${ourStatus}`,
    );
  });
});
