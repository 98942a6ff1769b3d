/** The `lab` CLI run as a user runs it (node + tsx on runtime/lab/cli.ts), for tests. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STATE_FILE } from '../../runtime/lab/state-dir';
import type { LabState } from '../../runtime/lab/state-dir';

export const REPO = resolve(__dirname, '..', '..');
export const LAB_CLI = join(REPO, 'runtime', 'lab', 'cli.ts');

export interface LabRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment without KCL_STATE_DIR (each test names its own --state-dir). */
export function labCliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KCL_STATE_DIR;
  return env;
}

export function runLab(args: string[], env: NodeJS.ProcessEnv = labCliEnv(), timeoutMs = 180000): LabRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', LAB_CLI, ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runLab that must exit 0 (the assertion shows stderr otherwise). */
export function runLabOk(args: string[], timeoutMs = 180000): LabRun {
  const r = runLab(args, labCliEnv(), timeoutMs);
  assert.equal(r.code, 0, `lab ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}

export function readLabState(stateDir: string): LabState {
  return JSON.parse(readFileSync(join(stateDir, STATE_FILE), 'utf8')) as LabState;
}
