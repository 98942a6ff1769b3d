/** What a live process was started with, read from Linux /proc (tests of the lab's runtime). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** KCL_LAB_HOSTS ({"postgres":"127.0.0.1:P",...}) as the process `pid` sees it. */
export function labHostsOfPid(pid: number): Record<string, string> {
  const entry = readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .find((e) => e.startsWith('KCL_LAB_HOSTS='));
  assert.ok(entry, `pid ${pid} has no KCL_LAB_HOSTS`);
  return JSON.parse(entry.slice('KCL_LAB_HOSTS='.length)) as Record<string, string>;
}
