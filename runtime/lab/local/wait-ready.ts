import { LabError } from '../errors';
import { isOurProcess, sleep } from '../processes';
import type { ProcessRecord } from '../state-dir';
import { logTail } from './log-tail';

/** How one local service is probed until it answers its protocol. */
export interface ReadinessProbe {
  /** Shown in messages: "Kafka", "PostgreSQL", "OpenSearch". */
  label: string;
  /** The `lab logs` service name. */
  service: string;
  logFile: string;
  /** True once the service answers its protocol. */
  answers: () => Promise<boolean>;
  pauseMs: number;
  /** The end of the NOT_READY sentence, e.g. "at H:P did not answer a metadata request". */
  notReady: string;
}

/**
 * Polls until the service answers, failing at once with its last log lines when the process we
 * started exits, and with NOT_READY when timeoutMs passes.
 */
export async function waitServiceReady(
  rec: ProcessRecord,
  probe: ReadinessProbe,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(rec)) {
      throw new LabError(
        'START_FAILED',
        `${probe.label} exited during startup. Last log lines:\n${logTail(probe.logFile, 20)}`,
        `See the whole log with: lab logs ${probe.service}`,
      );
    }
    if (await probe.answers()) return;
    await sleep(probe.pauseMs);
  }
  throw new LabError(
    'NOT_READY',
    `${probe.label} ${probe.notReady} within ${Math.round(timeoutMs / 1000)} s.`,
    `See the log with: lab logs ${probe.service}`,
  );
}
