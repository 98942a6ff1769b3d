import { deferredModules } from '../deferred/load';
import type { LabProvider } from '../config/settings';
import type { LocalClusterProvider } from './local-cluster';

// The lab module pulls in Kafka and PostgreSQL clients; loading it on first use keeps activation fast.
function labModule(): Promise<ReturnType<typeof deferredModules>['lab']> {
  return Promise.resolve().then(() => deferredModules().lab);
}

/**
 * The real `lab` module behind the LocalClusterProvider seam. `provider` is the
 * kafkaConnectLab.lab.provider setting, read at each start; without it the lab picks (docker
 * whenever a container engine answers).
 */
export function labModuleProvider(
  provider?: () => LabProvider,
  env: NodeJS.ProcessEnv = process.env,
): LocalClusterProvider {
  return {
    up: async ({ onProgress, search }) =>
      (await labModule()).up({
        onProgress,
        env,
        provider: provider?.(),
        // OpenSearch takes minutes to start on a loaded machine (90 s is the lab's default bound).
        ...(search ? { search, readyTimeoutMs: 300_000 } : {}),
      }),
    down: async ({ onProgress }) => (await labModule()).down({ onProgress, env }),
    status: async () => (await labModule()).status({ env }),
  };
}

/** Last lines of the runtime's log, for the output channel when it crashes. */
export async function connectLogTail(lines: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const text = await (await labModule()).logs('connect', { env });
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
