/**
 * Stops and starts one service of the launcher's lab cluster (KCL_LAB_STATE_DIR), for reliability
 * tests that restart PostgreSQL or the Kafka broker mid-stream. Stopping uses each service's clean
 * shutdown (PostgreSQL: SIGINT = fast shutdown; Kafka: SIGTERM), as `lab down` does; starting is the
 * lab's idempotent `up`, which starts only what is not running, on the same ports with the same data.
 */
import pg from 'pg';
import { up } from '../../runtime/lab';
import { postgresUrl } from '../../runtime/lab/local/postgres';
import { stopProcess } from '../../runtime/lab/processes';
import { inspectStateDir } from '../../runtime/lab/state-dir';

export type RestartableService = 'kafka' | 'postgres';

export function labStateDir(): string | undefined {
  return process.env.KCL_LAB_STATE_DIR;
}

async function checkpoint(port: number): Promise<void> {
  const c = new pg.Client({ connectionString: postgresUrl(port) });
  await c.connect();
  try {
    await c.query('CHECKPOINT');
  } finally {
    await c.end();
  }
}

/** Why this process cannot restart the launcher's services (null when it can): only the local provider's. */
export function whyNotRestartable(): string | null {
  const stateDir = labStateDir();
  if (!stateDir) return 'KCL_LAB_STATE_DIR is not set (run under the test launcher)';
  const found = inspectStateDir(stateDir);
  if (found.kind !== 'ours') return `${stateDir} holds no lab cluster`;
  if (found.state.provider !== 'local')
    return `the launcher's cluster uses the ${found.state.provider} provider; these restarts drive the local provider's processes`;
  return null;
}

export async function stopLabService(service: RestartableService): Promise<void> {
  const stateDir = labStateDir();
  if (!stateDir) throw new Error('KCL_LAB_STATE_DIR is not set: run under the test launcher');
  const found = inspectStateDir(stateDir);
  if (found.kind !== 'ours') throw new Error(`${stateDir} holds no lab cluster`);
  const rec = found.state.processes[service];
  if (!rec) throw new Error(`the lab in ${stateDir} has no ${service} process`);
  // A shutdown checkpoint after a write-heavy stream can take long on a busy machine: checkpoint first
  // and give the clean shutdown time (a SIGKILLed postgres leaves shared memory that blocks its restart).
  if (service === 'postgres') await checkpoint(found.state.ports.postgres);
  const result = await stopProcess(rec, service === 'postgres' ? 'SIGINT' : 'SIGTERM', 180_000, service);
  if (result !== 'stopped') throw new Error(`${service} was not running`);
}

/** Starts whatever service of the launcher's cluster is stopped; resolves once it answers. */
export async function startLabServices(): Promise<void> {
  const stateDir = labStateDir();
  if (!stateDir) throw new Error('KCL_LAB_STATE_DIR is not set: run under the test launcher');
  await up({ stateDir, connect: false, readyTimeoutMs: 120_000 });
}
