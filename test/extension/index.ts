/**
 * Entry that VS Code's extension host loads as extensionTestsPath: runs every *.test.js beside it
 * with mocha and writes a result file the launcher (test/extension/run.ts) reads.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface ExtensionTestResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  const grep = process.env.KCL_EXT_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, f));
  const result: ExtensionTestResult = { passed: 0, failed: 0, pending: 0, failures: [] };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => result.passed++);
    runner.on('pending', () => result.pending++);
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.failures.push({ title: t.fullTitle(), error: err.stack ?? err.message });
    });
  });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = process.env.KCL_EXT_RESULTS ?? (folder ? join(folder, '.kcl-test-results.json') : undefined);
  if (file) writeFileSync(file, JSON.stringify(result, null, 2));
  if (result.failed > 0) throw new Error(`${result.failed} extension test(s) failed`);
}
