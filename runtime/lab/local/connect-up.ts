/**
 * `lab up`'s Connect step, shared by the local and Docker providers: start the runtime, reuse the
 * running one, or — when the lab's services changed since it started (e.g. `up --search` added the
 * search engine to a running lab) — restart it with the new KCL_LAB_HOSTS, since a process reads
 * its environment once. Connectors, their configs and offsets live in Kafka's internal topics, so
 * the restarted worker resumes them (docs/lab-providers.md).
 */
import { readFileSync } from 'node:fs';
import { LAB_ALIASES, LAB_HOSTS_ENV, labHostsEnv, parseLabHosts } from '../../net/lab-hosts';
import type { LabHosts } from '../../net/lab-hosts';
import { isOurProcess, stopProcess } from '../processes';
import type { LabState, ProcessRecord } from '../state-dir';
import type { ProgressSink } from '../types';
import { startConnect } from './connect';
import type { ConnectLaunch } from './connect';

/** The lab's addresses for the lesson's host names: PostgreSQL, Kafka, and the search engine when configured. */
export function labHostsOf(ports: { postgres: number; kafka: number; search?: number }): LabHosts {
  return {
    postgres: { host: '127.0.0.1', port: ports.postgres },
    kafka: { host: '127.0.0.1', port: ports.kafka },
    ...(ports.search !== undefined ? { elasticsearch: { host: '127.0.0.1', port: ports.search } } : {}),
  };
}

/** The KCL_LAB_HOSTS a running process was started with (Linux /proc), or undefined. */
function environOf(pid: number): string | undefined {
  try {
    const prefix = `${LAB_HOSTS_ENV}=`;
    const entry = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .find((e) => e.startsWith(prefix));
    return entry?.slice(prefix.length);
  } catch {
    return undefined;
  }
}

/** "elasticsearch → 127.0.0.1:9201, …": the aliases that differ between two KCL_LAB_HOSTS values. */
export function describeHostChange(before: string | undefined, after: string): string {
  const a = parseLabHosts(before);
  const b = parseLabHosts(after);
  const parts: string[] = [];
  for (const alias of LAB_ALIASES) {
    const was = a[alias] ? `${a[alias].host}:${a[alias].port}` : undefined;
    const now = b[alias] ? `${b[alias].host}:${b[alias].port}` : undefined;
    if (was === now) continue;
    parts.push(now ? `${alias} → ${now}` : `${alias} no longer mapped`);
  }
  return parts.length > 0 ? parts.join(', ') : 'its lab host names';
}

export interface ConnectUp {
  launch: ConnectLaunch;
  stateDir: string;
  st: LabState;
  bootstrap: string;
  hosts: LabHosts;
  readyTimeoutMs: number;
  progress: ProgressSink;
  save: () => void;
}

/**
 * Makes the lab's runtime run with `hosts`. Returns the process it started (the caller stops it
 * again if a later step fails), or undefined when the running one was kept.
 */
export async function upConnect(a: ConnectUp): Promise<ProcessRecord | undefined> {
  const { st, progress } = a;
  const wanted = labHostsEnv(a.hosts)[LAB_HOSTS_ENV] ?? '{}';
  const rec = st.processes.connect;
  if (rec && isOurProcess(rec) && st.connect.url) {
    // Recorded since this file exists; a runtime started by an older lab: read from /proc.
    const given = st.connect.labHosts ?? environOf(rec.pid);
    if (given === wanted) {
      progress(`connect: already running at ${st.connect.url}`);
      return undefined;
    }
    progress(
      `connect: restarting the runtime at ${st.connect.url} for the lesson's host names (${describeHostChange(given, wanted)}); its connectors resume from Kafka`,
    );
    await stopProcess(rec, 'SIGTERM', 30000, 'connect');
    delete st.processes.connect;
    st.connect.url = null;
    delete st.connect.labHosts;
    a.save();
  }
  progress(`connect: starting the runtime on port ${st.ports.connect}`);
  const started = await startConnect(
    a.launch,
    a.stateDir,
    a.bootstrap,
    st.ports.connect,
    a.readyTimeoutMs,
    // The lesson's host names → these services; docs/lessons.md.
    { [LAB_HOSTS_ENV]: wanted },
  );
  st.processes.connect = started.rec;
  st.connect.url = started.url;
  st.connect.labHosts = wanted;
  a.save();
  progress(`connect: ready at ${started.url}`);
  return started.rec;
}
