/**
 * The Records webview end to end in the real VS Code (code-server + Chromium), driven from outside
 * with Playwright as a user would: nothing below calls the extension's code directly.
 *
 * 1. CDC: "Start Local Cluster" (our runtime beside the lab's Kafka and PostgreSQL), the lesson's
 *    Debezium config (test/fixtures/lesson-configs/postgres-cdc.json, pointed at the lab and a
 *    table of its own) deployed with its CodeLens; insert, insert, update, delete in PostgreSQL;
 *    "Show Change Events (CDC)" shows c / c / u / d and the tombstone, and the update's detail
 *    highlights exactly the changed column on both sides.
 * 2. DLQ: a FileStreamSink with errors.tolerance=all and a DLQ, deployed the same way; a poison
 *    record (not JSON) lands in the DLQ; "Show Dead Letter Queue" decodes its __connect.errors.*
 *    headers; the original-record link opens it at its offset; Redrive (after the confirmation
 *    dialog) puts it back on the original topic, which a consumer here verifies.
 * Screenshots: test-artifacts/records/ (CI artifacts).
 *
 * Called by test/extension/run.ts after the UI checks; standalone (a lab started with
 * `npm run lab -- up --state-dir DIR`):
 *   KCL_STATE_DIR=DIR node --import tsx test/extension/records-e2e.test-driver.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import type { Frame, Page } from 'playwright-core';
import { status as labStatus } from '../../runtime/lab/index';
import type { CodeServer } from '../support/code-server';
import { ensureTools, openWorkbench, startCodeServer, workbenchUrl } from '../support/code-server';
import { freePort } from '../support/real-connect';
import { REPO_ROOT } from './build';
import type { UiCheck } from './ui.test-driver';

export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'records');

interface Lab {
  bootstrapServers: string;
  postgresUrl: string;
  connectUrl: string;
}

async function step(checks: UiCheck[], name: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    checks.push({ name });
    return true;
  } catch (err) {
    checks.push({ name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return false;
  }
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs a command from the palette (F1), answering a following input box with `input`. */
async function palette(page: Page, command: string, input?: string): Promise<void> {
  const box = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await box.waitFor({ timeout: 15_000 });
  await box.fill(`>${command}`);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: command })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  if (input === undefined) return;
  await until(
    'the input box',
    async () => (await box.isVisible()) && (await box.inputValue()) === '',
    15_000,
  );
  await box.fill(input);
  await page.keyboard.press('Enter');
}

/**
 * Makes the Local lab the cluster that deploy and the CodeLens use, as a user would: the
 * workspace setting kafkaConnectLab.defaultCluster (the suite's workspace names its external
 * Connect cluster there). Returns what puts the workspace settings back as they were.
 */
function preferLocalLab(workspace: string): () => void {
  const file = join(workspace, '.vscode', 'settings.json');
  const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const settings = original ? (JSON.parse(original) as Record<string, unknown>) : {};
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ ...settings, 'kafkaConnectLab.defaultCluster': 'Local lab' }, null, 2),
  );
  return () => (original === undefined ? rmSync(file, { force: true }) : writeFileSync(file, original));
}

/** Opens a file ("File: Open File..." with its path) and clicks its "Deploy to Local lab" CodeLens. */
async function deployWithCodeLens(page: Page, dir: string, file: string): Promise<void> {
  // Quick open (Ctrl+P) may not have indexed a file written after the window opened; the dialog
  // fills in the folder a moment after it opens and may overwrite what was typed: retry.
  const tab = page.locator('.tab', { hasText: file }).first();
  const box = page.locator('.quick-input-widget input');
  for (let attempt = 1; !(await tab.isVisible()); attempt++) {
    if (attempt > 4) throw new Error(`could not open ${file} with File: Open File...`);
    await page.keyboard.press('Escape');
    await palette(page, 'File: Open File...');
    await until('the open-file box', async () => (await box.inputValue()).startsWith('/'), 15_000);
    await page.waitForTimeout(500);
    await box.fill(join(dir, file));
    await page.waitForTimeout(300);
    if ((await box.inputValue()) !== join(dir, file)) continue;
    await page.keyboard.press('Enter');
    await tab.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  const lens = page.locator('.codelens-decoration a', { hasText: 'Deploy to Local lab' }).first();
  await lens.waitFor({ timeout: 60_000 });
  await lens.click();
}

/** The Records webview's inner frame whose panel title starts with `title`. */
async function panelFrame(page: Page, title: string): Promise<Frame> {
  return until(
    `a webview titled "${title}…"`,
    async () => {
      for (const f of page.frames()) {
        if (f.isDetached()) continue;
        const t = await f
          .evaluate(() => (document.getElementById('list') ? document.title : null))
          .catch(() => null);
        if (t?.startsWith(title)) return f;
      }
      return undefined;
    },
    60_000,
  );
}

async function connectorRunning(connectUrl: string, name: string): Promise<boolean> {
  const res = await fetch(`${connectUrl}/connectors/${encodeURIComponent(name)}/status`);
  if (!res.ok) return false;
  const s = (await res.json()) as { connector: { state: string }; tasks: { state: string }[] };
  return s.connector.state === 'RUNNING' && s.tasks.length > 0 && s.tasks.every((t) => t.state === 'RUNNING');
}

async function hasRecords(kafka: Kafka, topic: string, want: number): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0) >= want;
  } finally {
    await admin.disconnect();
  }
}

async function topicValues(kafka: Kafka, topic: string, want: number): Promise<string[]> {
  if (!(await hasRecords(kafka, topic, want))) return [];
  const consumer = kafka.consumer({ groupId: `kcl-records-e2e-${randomBytes(4).toString('hex')}` });
  const values: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => resolve(), 60_000);
      consumer
        .run({
          eachMessage: ({ message }) => {
            values.push(message.value?.toString('utf8') ?? '');
            if (values.length >= want) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}

export async function runRecordsE2e(opts: {
  server: CodeServer;
  workspace: string;
  extensionPath: string;
  /** The lab state dir the code-server's extension host sees as KCL_STATE_DIR. */
  stateDir: string;
  log: (line: string) => void;
}): Promise<UiCheck[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const checks: UiCheck[] = [];
  const sfx = randomBytes(3).toString('hex');
  const table = `customers_e2e_${sfx}`;
  const prefix = `e2e${sfx}`;
  const cdcTopic = `${prefix}.public.${table}`;
  const cdcName = `records-e2e-cdc-${sfx}`;
  const sinkName = `records-e2e-dlq-${sfx}`;
  const srcTopic = `records-e2e-src-${sfx}`;
  const dlqTopic = `records-e2e-dlq-${sfx}`;
  const poison = `not json ${sfx}`;
  const restoreSettings = preferLocalLab(opts.workspace);
  let wb: Awaited<ReturnType<typeof openWorkbench>>;
  try {
    wb = await openWorkbench(workbenchUrl(opts.server, opts.workspace, opts.extensionPath), opts.log);
  } catch (err) {
    restoreSettings();
    throw err;
  }
  const page = wb.page;
  let lab: Lab | undefined;
  let db: pg.Client | undefined;
  let kafka: Kafka | undefined;
  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }).catch(() => undefined);
  try {
    const ready = await step(
      checks,
      'records: the local cluster runs (Start Local Cluster unless it already runs) and the extension sees it',
      async () => {
        await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
        await page.locator('.activitybar [aria-label*="Kafka Connect"]').first().waitFor({ timeout: 60_000 });
        const before = await labStatus({ stateDir: opts.stateDir }).catch(() => undefined);
        // Started already (by the local-lab suite or `lab up`): the extension picks it up itself.
        if (before?.connect.state !== 'running') await palette(page, 'Kafka Connect: Start Local Cluster');
        const s = await until(
          'the lab with Kafka, PostgreSQL and Connect',
          async () => {
            const st = await labStatus({ stateDir: opts.stateDir });
            return st.kafka.bootstrapServers && st.postgres.url && st.connect.url ? st : undefined;
          },
          300_000,
        );
        lab = {
          bootstrapServers: s.kafka.bootstrapServers!,
          postgresUrl: s.postgres.url!,
          connectUrl: s.connect.url!,
        };
        kafka = new Kafka({
          clientId: 'kcl-records-e2e',
          brokers: lab.bootstrapServers.split(','),
          logLevel: logLevel.NOTHING,
        });
      },
    );
    if (!ready || !lab || !kafka) return checks;
    const L = lab;
    const K = kafka;

    const cdcOk = await step(
      checks,
      'records: the lesson Debezium config deployed by CodeLens; the CDC view shows c/c/u/d and the tombstone, the update highlights the changed field',
      async () => {
        const inv = new URL(L.postgresUrl);
        inv.pathname = '/inventory';
        db = new pg.Client({ connectionString: inv.toString() });
        await db.connect();
        await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL, email text)`);
        await db.query(`ALTER TABLE ${table} REPLICA IDENTITY FULL`);
        const lesson = JSON.parse(
          readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'lesson-configs', 'postgres-cdc.json'), 'utf8'),
        ) as { name: string; config: Record<string, string> };
        const pgUrl = new URL(L.postgresUrl);
        const file = `${cdcName}.connector.json`;
        writeFileSync(
          join(opts.workspace, file),
          JSON.stringify(
            {
              name: cdcName,
              config: {
                ...lesson.config,
                // The lesson runs in Docker Compose ("postgres:5432"); here: the lab's PostgreSQL,
                // and a table, slot and publication of this run's own.
                'database.hostname': pgUrl.hostname,
                'database.port': pgUrl.port,
                'topic.prefix': prefix,
                'table.include.list': `public.${table}`,
                'slot.name': `kcl_e2e_${sfx}`,
                'publication.name': `kcl_e2e_pub_${sfx}`,
                'slot.drop.on.stop': 'true',
              },
            },
            null,
            2,
          ),
        );
        await deployWithCodeLens(page, opts.workspace, file);
        await until(`${cdcName} RUNNING`, () => connectorRunning(L.connectUrl, cdcName), 120_000);
        await db.query(`INSERT INTO ${table} VALUES (1, 'Anne', 'anne@old.org')`);
        await db.query(`INSERT INTO ${table} VALUES (2, 'Bob', 'bob@example.org')`);
        await db.query(`UPDATE ${table} SET email = 'anne@new.org' WHERE id = 1`);
        await db.query(`DELETE FROM ${table} WHERE id = 2`);
        await until(`5 records on ${cdcTopic}`, () => hasRecords(K, cdcTopic, 5), 120_000);

        await palette(page, 'Kafka Connect: Show Change Events (CDC)', cdcTopic);
        const f = await panelFrame(page, 'CDC:');
        await until(
          'the badges c c u d tombstone',
          async () => (await f.locator('.row .badge').allTextContents()).join(' ') === 'c c u d tombstone',
        );
        await f.locator('.row', { has: f.locator('.badge.op-u') }).click();
        const changedAfter = await f
          .locator('#detail table.after tr.changed')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.field));
        const changedBefore = await f
          .locator('#detail table.before tr.changed')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.field));
        if (changedAfter.join() !== 'email' || changedBefore.join() !== 'email')
          throw new Error(`changed fields: before ${changedBefore.join()}, after ${changedAfter.join()}`);
        const after = await f.locator('#detail table.after tr[data-field="email"] td').nth(1).textContent();
        const before = await f.locator('#detail table.before tr[data-field="email"] td').nth(1).textContent();
        if (after !== '"anne@new.org"' || before !== '"anne@old.org"')
          throw new Error(`email before ${before}, after ${after}`);
        const source = (await f.locator('#detail .source').textContent()) ?? '';
        if (!source.includes(`table public.${table}`) || !/lsn \d+/.test(source))
          throw new Error(`source metadata: ${source}`);
        await shot('cdc-update-diff');
      },
    );
    if (!cdcOk) await shot('cdc-failed');

    const dlqOk = await step(
      checks,
      'records: a poison record shows in the DLQ view with decoded headers; its original-record link opens it at its offset',
      async () => {
        const admin = K.admin();
        await admin.connect();
        await admin.createTopics({ topics: [{ topic: srcTopic, numPartitions: 1 }], waitForLeaders: true });
        await admin.disconnect();
        const file = `${sinkName}.connector.json`;
        writeFileSync(
          join(opts.workspace, file),
          JSON.stringify(
            {
              name: sinkName,
              config: {
                'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
                'tasks.max': '1',
                topics: srcTopic,
                file: join(tmpdir(), `${sinkName}.out`),
                'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
                'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
                'value.converter.schemas.enable': 'false',
                'errors.tolerance': 'all',
                'errors.deadletterqueue.topic.name': dlqTopic,
                'errors.deadletterqueue.topic.replication.factor': '1',
                'errors.deadletterqueue.context.headers.enable': 'true',
              },
            },
            null,
            2,
          ),
        );
        await deployWithCodeLens(page, opts.workspace, file);
        await until(`${sinkName} RUNNING`, () => connectorRunning(L.connectUrl, sinkName), 120_000);
        await until(
          `the sink's consumer group connect-${sinkName} assigned`,
          async () => {
            const a = K.admin();
            await a.connect();
            try {
              const { groups } = await a.describeGroups([`connect-${sinkName}`]);
              return groups[0]?.state === 'Stable' && groups[0].members.length > 0;
            } finally {
              await a.disconnect();
            }
          },
          120_000,
        );
        const producer = K.producer();
        await producer.connect();
        await producer.send({
          topic: srcTopic,
          messages: [
            { key: 'good', value: '{"ok":1}' },
            { key: 'bad', value: poison },
          ],
        });
        await producer.disconnect();
        await until('the poison record in the DLQ', () => hasRecords(K, dlqTopic, 1), 120_000).catch(
          async (err: unknown) => {
            const st = await fetch(`${L.connectUrl}/connectors/${sinkName}/status`).then((r) => r.text());
            throw new Error(`${String(err)}; sink status: ${st}`);
          },
        );

        await palette(page, 'Kafka Connect: Show Dead Letter Queue', dlqTopic);
        const f = await panelFrame(page, 'DLQ:');
        const row = f.locator('.row').first();
        await row.waitFor({ timeout: 60_000 });
        await row.click();
        const field = async (name: string) =>
          f.locator(`#detail table.dlq tr[data-field="${name}"] td`).nth(1).textContent();
        const got = {
          connector: await field('connector'),
          stage: await field('stage'),
          exception: await field('exception'),
          topic: await field('original topic'),
          offset: await field('original offset'),
        };
        const want = {
          connector: sinkName,
          stage: 'VALUE_CONVERTER',
          exception: 'org.apache.kafka.connect.errors.DataException',
          topic: srcTopic,
          offset: '1',
        };
        if (JSON.stringify(got) !== JSON.stringify(want))
          throw new Error(`DLQ columns ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        const value = await f.locator('#detail pre.value').textContent();
        if (value !== poison) throw new Error(`DLQ value ${value}`);
        await shot('dlq-entry');

        await f.locator('#open-original').click();
        const orig = await panelFrame(page, `Records: ${srcTopic}`);
        await until(
          'the original record selected',
          async () => (await orig.locator('#detail pre.value').textContent()) === poison,
        );
        const selected = await orig.locator('.row.selected').textContent();
        if (!selected?.startsWith('0:1')) throw new Error(`selected row: ${selected}`);
        await shot('dlq-original-record');
      },
    );
    if (!dlqOk) await shot('dlq-failed');

    if (dlqOk)
      await step(
        checks,
        'records: Redrive from the DLQ view (confirmed in the dialog) puts the record back on its original topic',
        async () => {
          // Back to the DLQ panel's tab.
          await page
            .locator('.tab', { hasText: `DLQ: ${dlqTopic}` })
            .first()
            .click();
          const f = await panelFrame(page, 'DLQ:');
          await f.locator('.row').first().click();
          await f.locator('#redrive').click();
          const dialog = page.locator('.monaco-dialog-box');
          await dialog.waitFor({ timeout: 30_000 });
          const text = await dialog.innerText();
          if (!text.includes(`Re-produce 1 record(s) to ${srcTopic}?`)) throw new Error(`dialog: ${text}`);
          await dialog.locator('.monaco-button', { hasText: 'Redrive' }).first().click();
          await until(
            'the redrive result',
            async () => (await f.locator('#status').textContent()) === 'redrive: 1 sent, 0 failed',
          );
          await shot('dlq-redrive');
          const values = await until(
            'the poison record twice on the original topic',
            async () => {
              const v = await topicValues(K, srcTopic, 3);
              return v.filter((x) => x === poison).length === 2 ? v : undefined;
            },
            60_000,
          );
          opts.log(`records e2e: ${srcTopic} holds ${values.length} records after Redrive`);
        },
      );
    return checks;
  } finally {
    await wb.close();
    restoreSettings();
    const cleanup = async () => {
      if (lab)
        for (const n of [cdcName, sinkName])
          await fetch(`${lab.connectUrl}/connectors/${n}`, { method: 'DELETE' }).catch(() => undefined);
      if (db) {
        await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        await db.end().catch(() => undefined);
      }
    };
    await cleanup();
  }
}

if (require.main === module) {
  const main = async () => {
    const stateDir = process.env.KCL_STATE_DIR;
    if (!stateDir)
      throw new Error('set KCL_STATE_DIR to a lab state dir (npm run lab -- up --state-dir DIR)');
    const st = await labStatus({ stateDir });
    const tools = await ensureTools();
    // Only the extension bundle: this driver loads no mocha suites.
    execFileSync(process.execPath, ['esbuild.mjs', '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
    const work = mkdtempSync(join(tmpdir(), 'kcl-records-e2e-'));
    const ws = join(work, 'ws');
    mkdirSync(ws, { recursive: true });
    const server = await startCodeServer(tools, {
      workDir: join(work, 'code-server'),
      port: await freePort(),
      // test/run.ts exports the cluster's broker to everything it starts; so does this.
      env: { KCL_STATE_DIR: stateDir, KCL_BOOTSTRAP_SERVERS: st.kafka.bootstrapServers ?? '' },
    });
    try {
      const checks = await runRecordsE2e({
        server,
        workspace: ws,
        extensionPath: REPO_ROOT,
        stateDir,
        log: (l) => process.stdout.write(`${l}\n`),
      });
      for (const c of checks)
        process.stdout.write(`${c.error ? '✗' : '✓'} ${c.name}${c.error ? `\n  ${c.error}` : ''}\n`);
      const failed = checks.filter((c) => c.error).length;
      process.stdout.write(`\nrecords e2e: ${checks.length - failed} passed, ${failed} failed\n`);
      process.exitCode = failed > 0 ? 1 : 0;
    } finally {
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    }
  };
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
