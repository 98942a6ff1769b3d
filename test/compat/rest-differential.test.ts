/**
 * The REST differential test of issue 3: one scenario, step by step, against the real Kafka Connect
 * 4.4.0 worker and against our runtime, on the same broker, each with its own internal topics.
 * Fails on any difference that is not masked (see test/support/differential.ts for what is masked).
 *
 * KCL_DIFF_RECORD=1 plays the scenario on the real worker only and rewrites
 * test/compat/fixtures/real-connect-rest.json (the reference the runtime is built against).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Side, StepOutcome } from '../support/differential';
import { formatDifferences, runScenario, startOurRuntime } from '../support/differential';
import type { RealConnectWorker } from '../support/real-connect';
import { REAL_CONNECT_VERSION, startRealConnect } from '../support/real-connect';
import { restScenario, scenarioVars } from './fixtures/rest-scenario';

const record = process.env.KCL_DIFF_RECORD === '1';
const FIXTURE = join(__dirname, 'fixtures', 'real-connect-rest.json');
const stops: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(stops.map((s) => s()));
});

function fixtureEntry(o: StepOutcome): Record<string, unknown> {
  const { attempts: _attempts, traces: _traces, ...rest } = o;
  return rest;
}

void test(
  'REST API: our runtime answers every scenario step like Kafka Connect 4.x',
  { timeout: 15 * 60_000 },
  async () => {
    const runId = Date.now().toString(36);
    const base = mkdtempSync(join(tmpdir(), 'kcl-rest-diff-'));
    const steps = restScenario();

    const startReal = async (): Promise<RealConnectWorker> => {
      // A loaded machine can take minutes to start the JVM worker: KCL_REAL_CONNECT_STARTUP_MS allows more.
      const startupTimeoutMs = Number(process.env.KCL_REAL_CONNECT_STARTUP_MS ?? 120_000);
      const real = await startRealConnect({ startupTimeoutMs });
      stops.push(real.stop);
      return real;
    };
    if (record) {
      const real = await startReal();
      const side: Side = {
        name: 'real',
        url: real.url,
        vars: scenarioVars('real', runId, join(base, 'real'), real.url),
      };
      const run = await runScenario(steps, { real: side }, (step, o) => {
        process.stderr.write(
          `${step.id}: ${o.real?.status}${o.real?.settled === false ? ' (never settled)' : ''}\n`,
        );
      });
      const outcomes = run.real ?? [];
      writeFileSync(
        FIXTURE,
        JSON.stringify(
          {
            recordedFrom: `Apache Kafka Connect ${REAL_CONNECT_VERSION} (distributed), test/compat/rest-differential.test.ts with KCL_DIFF_RECORD=1`,
            recordedAt: new Date().toISOString(),
            note: 'Bodies are normalized: per-side names/paths appear as {{var}}, masked values as <worker_id>, <trace>, <masked>, <timestamp>.',
            steps: outcomes.map(fixtureEntry),
          },
          null,
          2,
        ) + '\n',
      );
      const unsettled = outcomes.filter((o) => !o.settled).map((o) => o.step);
      assert.deepEqual(unsettled, [], 'steps whose wait never held on the real worker (scenario bug)');
      return;
    }

    const [real, ours] = await Promise.all([
      startReal(),
      startOurRuntime().then((r) => {
        stops.push(r.stop);
        return r;
      }),
    ]);
    const run = await runScenario(steps, {
      real: { name: 'real', url: real.url, vars: scenarioVars('real', runId, join(base, 'real'), real.url) },
      ours: { name: 'ours', url: ours.url, vars: scenarioVars('ours', runId, join(base, 'ours'), ours.url) },
    });
    const report = join(base, 'rest-differential-report.json');
    writeFileSync(report, JSON.stringify(run, null, 2));
    for (const note of run.notes) process.stderr.write(`note: ${note}\n`);
    const failedSteps = new Set(run.differences.map((d) => d.step));
    assert.equal(
      run.differences.length,
      0,
      `${run.differences.length} differences in ${failedSteps.size} of ${steps.length} steps (full run: ${report}):\n` +
        formatDifferences(run.differences),
    );
  },
);
