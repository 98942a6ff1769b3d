import * as lab from '../../runtime/lab/index';
import type { LocalClusterProvider } from './local-cluster';

/** The real `lab` module behind the LocalClusterProvider seam. */
export function labModuleProvider(env: NodeJS.ProcessEnv = process.env): LocalClusterProvider {
  return {
    up: ({ onProgress }) => lab.up({ onProgress, env }),
    down: ({ onProgress }) => lab.down({ onProgress, env }),
    status: () => lab.status({ env }),
  };
}

/** Last lines of the runtime's log, for the output channel when it crashes. */
export async function connectLogTail(lines: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const text = await lab.logs('connect', { env });
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
