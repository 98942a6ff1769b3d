/**
 * The lesson commands: one command runs any step of an exercise (the Lessons view and the
 * walkthrough call it with [exerciseId, stepId]), "Check my work", "Reset exercise", and
 * "Explain This Failure" on a failed task or connector of the Clusters view.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import type { ConnectClient } from '../connect-client/connect-client';
import { clientOf } from '../commands/context';
import type { CommandSpec } from '../commands/registry';
import { ExtensionError } from '../errors';
import { labModuleProvider } from '../lab/lab-module';
import { maskText } from '../model/masking';
import { isConnectorRef, isTaskRef } from '../views/nodes';
import type { Exercise, LessonStep, SqlStep } from './catalog';
import { connectorFileText, searchIndexOf } from './catalog';
import type { CheckReport } from './checks';
import { checkExercise, reportText } from './checks';
import type { Explanation } from './explain';
import { explainFailure, explanationMarkdown } from './explain';
import type { LabAddresses } from './live-facts';
import { gatherFacts, produce, runSql } from './live-facts';
import type { LessonsTree } from './lessons-tree';

const LOCAL = 'local';

export interface LessonsDeps {
  ctx: CommandContext;
  tree: LessonsTree;
  /** Where connector files go when no folder is open. */
  fallbackDir: vscode.Uri;
}

/** The running lab's Kafka and PostgreSQL addresses, or a clear error. */
export async function labAddresses(): Promise<LabAddresses> {
  const s = await labModuleProvider().status();
  if (
    s.kafka.state !== 'running' ||
    s.postgres.state !== 'running' ||
    !s.kafka.bootstrapServers ||
    !s.postgres.url
  ) {
    throw new ExtensionError('lab-unavailable', 'The lab is not running.', {
      nextStep: 'Run the exercise’s first step, "Start the lab".',
    });
  }
  // The Records view reads the lab's bootstrap servers from here when no setting names others.
  process.env.KCL_BOOTSTRAP_SERVERS ??= s.kafka.bootstrapServers;
  const searchUrl = s.search?.state === 'running' && s.search.url ? s.search.url : undefined;
  return { bootstrapServers: s.kafka.bootstrapServers, postgresUrl: s.postgres.url, searchUrl };
}

/**
 * Exercise 2's form follows the lab's status: the Elasticsearch sink while a search engine runs,
 * the JDBC sink otherwise. Read before each step and check, so the tree and the command agree.
 */
async function refreshSearch(deps: LessonsDeps): Promise<boolean> {
  const s = await labModuleProvider()
    .status()
    .catch(() => undefined);
  const running = s?.search?.state === 'running';
  deps.tree.setSearchAvailable(running);
  return running;
}

function exerciseArg(deps: LessonsDeps, arg: unknown): Exercise {
  const id = typeof arg === 'string' ? arg : (arg as { exercise?: unknown } | undefined)?.exercise;
  const e = deps.tree.exercises.find((x) => x.id === id);
  if (!e) {
    throw new ExtensionError('bad-response', `There is no exercise "${String(id)}".`, {
      nextStep: 'Pick one in the Lessons view.',
    });
  }
  return e;
}

export function connectorFileUri(deps: LessonsDeps, e: Exercise): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? deps.fallbackDir;
  return vscode.Uri.joinPath(folder, e.file);
}

/**
 * Writes the lesson's connector file unless the learner already has one (their edits stay).
 * Through VS Code's file service, so an editor still holding an older version of the file sees it.
 */
async function ensureConnectorFile(deps: LessonsDeps, e: Exercise): Promise<vscode.Uri> {
  const uri = connectorFileUri(deps, e);
  if (!existsSync(uri.fsPath)) {
    const text = connectorFileText(e.connector);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await documentCaughtUp(uri, text);
    deps.ctx.log.info(`lessons: wrote ${uri.fsPath}`);
  }
  return uri;
}

/**
 * An editor model of a file that changed on disk catches up a moment later; Deploy reads the
 * model, so wait for it (a model with unsaved edits is the learner's and is left alone).
 */
export async function documentCaughtUp(uri: vscode.Uri, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.isDirty || doc.getText() === text || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startLab(deps: LessonsDeps, search: boolean): Promise<void> {
  const { ctx } = deps;
  if (search && !(await refreshSearch(deps))) {
    // The runtime learns the lab's host names (elasticsearch → the engine) when it starts, so a
    // running lab without the engine is restarted with it; its topics and tables are kept.
    if (ctx.lab.currentState === 'running' || ctx.lab.currentState === 'degraded') await ctx.lab.stop();
    await ctx.lab.start({ search: true });
    await refreshSearch(deps);
  } else if (ctx.lab.currentState !== 'running') await ctx.lab.start();
  const deadline = Date.now() + 30_000;
  while (!ctx.store.target(LOCAL)?.client) {
    if (Date.now() > deadline) {
      throw new ExtensionError(
        'lab-unavailable',
        'The lab started, but its Connect runtime is not reachable.',
        {
          nextStep: 'Look at "Kafka Connect: Show Logs", then start the lab again.',
        },
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await labAddresses();
}

/**
 * Shows the step's SQL as a file of the workspace (kafka-connect-lesson/<exercise>-<step>.sql,
 * written once, so the learner's edits stay and nothing is left unsaved), then runs what it holds.
 */
async function showAndRunSql(deps: LessonsDeps, e: Exercise, step: LessonStep, sql: SqlStep): Promise<void> {
  const lab = await labAddresses();
  const header = `-- Runs in database "${sql.database}" of the lab's PostgreSQL (user postgres).\n`;
  const uri = vscode.Uri.joinPath(connectorFileUri(deps, e), '..', `${e.id}-${step.id}.sql`);
  if (!existsSync(uri.fsPath)) {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(header + sql.text, 'utf8'));
    await documentCaughtUp(uri, header + sql.text);
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Active });
  const ok = await deps.ctx.prompts.confirm(
    `Run this SQL in database "${sql.database}" of the lab?`,
    'It is shown in the editor; what the editor holds when you confirm is what runs.',
    'Run SQL',
  );
  if (!ok) throw new ExtensionError('cancelled', 'cancelled');
  try {
    await runSql(lab.postgresUrl, sql.database, doc.getText());
  } catch (err) {
    throw new ExtensionError('bad-response', `The SQL failed: ${(err as Error).message}`, {
      cause: err,
      nextStep: 'Fix the statement in the editor and run the step again.',
    });
  }
  deps.ctx.log.info(`lessons: ran SQL in ${sql.database}`);
  void vscode.window.setStatusBarMessage(`SQL ran in ${sql.database}`, 4000);
}

async function runStep(deps: LessonsDeps, exerciseId: unknown, stepId: unknown): Promise<unknown> {
  await refreshSearch(deps);
  const e = exerciseArg(deps, exerciseId);
  // A walkthrough link may name a step of Exercise 2's other form ("search" while the engine runs).
  const step: LessonStep | undefined =
    e.steps.find((s) => s.id === stepId) ?? deps.tree.otherForm(e.id)?.steps.find((s) => s.id === stepId);
  if (!step) {
    throw new ExtensionError('bad-response', `Exercise "${e.id}" has no step "${String(stepId)}".`);
  }
  const a = step.action;
  let result: unknown;
  switch (a.kind) {
    case 'startLab':
      await startLab(deps, a.search === true);
      break;
    case 'runSql':
      await showAndRunSql(deps, e, step, a.sql);
      break;
    case 'openConnectorFile': {
      const uri = await ensureConnectorFile(deps, e);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      result = uri;
      break;
    }
    case 'deploy':
      result = await vscode.commands.executeCommand(
        'kafkaConnectLab.deployConnector',
        await ensureConnectorFile(deps, e),
        LOCAL,
      );
      break;
    case 'openRecords': {
      await labAddresses();
      const id =
        a.mode === 'cdc'
          ? 'kafkaConnectLab.openCdcView'
          : a.mode === 'dlq'
            ? 'kafkaConnectLab.openDlq'
            : 'kafkaConnectLab.openRecords';
      result = await vscode.commands.executeCommand(id, {
        clusterId: LOCAL,
        connector: e.connector.name,
        topic: a.topic,
        mode: a.mode,
      });
      break;
    }
    case 'produce': {
      const lab = await labAddresses();
      await produce(lab.bootstrapServers, a.topic, a.values);
      void vscode.window.setStatusBarMessage(`Sent ${a.values.length} record(s) to ${a.topic}`, 4000);
      break;
    }
    case 'check':
      result = await check(deps, e.id);
      break;
  }
  deps.tree.stepDone(e.id, step.id);
  return result;
}

async function check(deps: LessonsDeps, arg: unknown): Promise<CheckReport> {
  await refreshSearch(deps);
  const e = exerciseArg(deps, arg);
  const lab = await labAddresses();
  const { client } = clientOf(deps.ctx, LOCAL);
  const searchIndex = searchIndexOf(e);
  const facts = await gatherFacts(e.id, e.connector.name, client, lab, searchIndex ? { searchIndex } : {});
  const report = checkExercise(e.id, facts);
  deps.tree.setResult(report);
  const text = maskText(reportText(e.title, report));
  deps.ctx.log.info(`lessons: check ${e.id}\n${text}`);
  void showReport(deps, e, report, text);
  return report;
}

async function showReport(deps: LessonsDeps, e: Exercise, report: CheckReport, text: string): Promise<void> {
  if (report.passed) {
    void vscode.window.showInformationMessage(
      `${e.title}: all ${report.items.length} checks pass. Well done!`,
    );
    return;
  }
  const first = report.items.find((i) => !i.ok);
  const choice = await vscode.window.showWarningMessage(
    `${e.title}: ${first?.problem ?? 'not yet'} Try this: ${first?.tryThis ?? ''}`,
    'Show All Checks',
  );
  if (choice === 'Show All Checks') await deps.ctx.docs.open(`${e.id}.check.txt`, text);
}

async function reset(deps: LessonsDeps, arg: unknown): Promise<void> {
  await refreshSearch(deps);
  const e = exerciseArg(deps, arg);
  const { client } = clientOf(deps.ctx, LOCAL);
  const name = e.connector.name;
  if (await client.exists(name)) {
    // Start over for real: stopped, offsets reset (KIP-875), then deleted, so a new deploy reads
    // everything again.
    await client.stop(name);
    await resetOffsetsWhenStopped(client, name);
    await client.delete(name);
  }
  deps.ctx.store.actionDone();
  void vscode.window.setStatusBarMessage(`Deleted connector ${name} and its offsets`, 4000);
}

async function resetOffsetsWhenStopped(client: ConnectClient, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.resetOffsets(name);
      return;
    } catch (err) {
      // 400 until the stop has reached every task.
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Explains the trace of a task (or the first failed part of a connector) of the Clusters view. */
async function explain(ctx: CommandContext, arg: unknown): Promise<Explanation | undefined> {
  if (!isConnectorRef(arg)) {
    throw new ExtensionError('bad-response', 'Pick a failed task or connector in the Clusters view.', {
      nextStep: 'Right-click a failed task: "Explain This Failure".',
    });
  }
  const { client } = clientOf(ctx, arg.clusterId);
  const status = await client.getStatus(arg.connector);
  const task = isTaskRef(arg) ? status.tasks.find((t) => t.id === arg.task) : undefined;
  const entry = task ?? (status.connector.trace ? status.connector : status.tasks.find((t) => t.trace));
  const subject = `${arg.connector}${task ? ` task ${task.id}` : ''}`;
  if (!entry?.trace) {
    void vscode.window.showInformationMessage(
      `${subject} has not failed (state ${entry?.state ?? status.connector.state}).`,
    );
    return undefined;
  }
  const trace = maskText(entry.trace);
  await ctx.docs.open(`${subject.replace(/\s+/g, '-')}.explained.md`, explanationMarkdown(subject, trace));
  return explainFailure(trace);
}

export function lessonCommands(deps: LessonsDeps): CommandSpec[] {
  return [
    { id: 'kafkaConnectLab.lessons.runStep', run: (e, s) => runStep(deps, e, s) },
    { id: 'kafkaConnectLab.lessons.check', run: (e) => check(deps, e) },
    { id: 'kafkaConnectLab.lessons.reset', run: (e) => reset(deps, e) },
    { id: 'kafkaConnectLab.explainFailure', run: (arg) => explain(deps.ctx, arg) },
  ];
}

/** Workspace-independent folder for connector files when no folder is open. */
export function fallbackDir(globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(join(globalStorage.fsPath, 'lessons'));
}
