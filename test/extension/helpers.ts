import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import type { Prompts } from '../../src/vscode-apis/prompts';

/** What the launcher prepared in the workspace (unique names per run). */
export interface TestManifest {
  clusterName: string;
  connectUrl: string;
  /** A loopback port nothing listens on. */
  unreachableUrl: string;
  suffix: string;
  topic: string;
  sourceName: string;
  sinkName: string;
  sourceInput: string;
  sinkOutput: string;
  /** Set when the launcher lets the suite drive the local lab (runtime/lab) in this state dir. */
  lab?: { stateDir: string; owned: boolean; ownStateDir?: string };
  /** The same real Connect worker's HTTPS listener (private CA, client certificate required). */
  tls?: { url: string; ca: string; cert: string; key: string };
  files: {
    source: string;
    sink: string;
    malformed: string;
    noClass: string;
    noTopic: string;
    secret: string;
  };
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension tests need a workspace folder');
  return folder.uri.fsPath;
}

export function manifest(): TestManifest {
  return JSON.parse(readFileSync(join(workspaceDir(), '.kcl-test.json'), 'utf8')) as TestManifest;
}

export async function api(): Promise<KafkaConnectLabApi> {
  const ext = vscode.extensions.getExtension<KafkaConnectLabApi>('kafka-connect-lab.kafka-connect-lab');
  if (!ext) throw new Error('extension kafka-connect-lab.kafka-connect-lab is not loaded');
  return ext.isActive ? ext.exports : ext.activate();
}

/** Answers every prompt without a dialog; records what was asked. */
export function autoPrompts(answers: { confirm?: boolean } = {}): Prompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    confirm: (message) => {
      asked.push(message);
      return Promise.resolve(answers.confirm ?? true);
    },
    pick: (items) => Promise.resolve(items[0]),
    input: (prompt) => {
      asked.push(prompt);
      return Promise.resolve(undefined);
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails with the last observation. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function openFile(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(doc);
}

export async function codeLensTitles(path: string): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    vscode.Uri.file(path),
  );
  return (lenses ?? []).map((l) => l.command?.title ?? '');
}

/** Rejection message of a command run, or undefined when it succeeded. */
export async function commandError(id: string, ...args: unknown[]): Promise<string | undefined> {
  try {
    await vscode.commands.executeCommand(id, ...args);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
