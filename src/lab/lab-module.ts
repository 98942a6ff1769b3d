import { deferredModules } from '../deferred/load';
import type { LabUpSettings } from '../config/lab-options';
import type { LocalClusterProvider } from './local-cluster';

// The lab module pulls in Kafka and PostgreSQL clients; loading it on first use keeps activation fast.
function labModule(): Promise<ReturnType<typeof deferredModules>['lab']> {
  return Promise.resolve().then(() => deferredModules().lab);
}

/**
 * The real `lab` module behind the LocalClusterProvider seam. `options`: what the settings ask of
 * `up` (provider, images, external addresses; src/config/lab-options.ts), read at each start;
 * without it the lab picks (the state dir's provider, else docker whenever a container engine answers).
 */
export function labModuleProvider(
  options?: () => Promise<LabUpSettings>,
  env: NodeJS.ProcessEnv = process.env,
): LocalClusterProvider {
  return {
    up: async ({ onProgress, search }) => {
      const fromSettings = (await options?.()) ?? {};
      return (await labModule()).up({ onProgress, env, ...fromSettings, ...(search ? { search } : {}) });
    },
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
