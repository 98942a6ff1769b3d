/**
 * `lab`: the dev-cluster CLI (npm run lab -- <command>). Results go to stdout, progress and
 * errors to stderr; exit 0 on success, 2 on a usage error, 1 on any other failure.
 */
import { parseLabArgs, USAGE } from './cli-args';
import type { LabCommand } from './cli-args';
import { isLabError } from './errors';
import { down, logs, status, up } from './index';
import { formatStatusTable } from './status-table';
import type { ClusterStatus } from './types';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function printStatus(s: ClusterStatus, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(s)}\n` : `${formatStatusTable(s)}\n`);
}

/** Foreground `up`: keep running until SIGINT/SIGTERM, then bring everything down. */
function stayInForeground(stateDir: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const keepAlive = setInterval(() => undefined, 1 << 30);
    let stopping = false;
    const stop = (sig: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      progress(`lab: ${sig} received, stopping the cluster`);
      down({ ...(stateDir !== undefined ? { stateDir } : {}), onProgress: progress }).then(
        () => {
          clearInterval(keepAlive);
          resolve();
        },
        (e: unknown) => {
          clearInterval(keepAlive);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    progress('lab: cluster running in the foreground; press Ctrl-C to stop it (or run up --detach)');
  });
}

async function run(cmd: LabCommand): Promise<number> {
  switch (cmd.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'up': {
      const common = {
        ...(cmd.stateDir !== undefined ? { stateDir: cmd.stateDir } : {}),
        onProgress: progress,
      };
      // A Ctrl-C during a foreground start still ends with everything stopped.
      let interrupted = false;
      const early = (): void => {
        interrupted = true;
      };
      if (!cmd.detach) {
        process.on('SIGINT', early);
        process.on('SIGTERM', early);
      }
      let s: ClusterStatus;
      try {
        s = await up({
          ...common,
          connect: cmd.connect,
          search: cmd.search === true,
          ...(cmd.provider !== undefined ? { provider: cmd.provider } : {}),
          ...(cmd.kafkaImage !== undefined ? { kafkaImage: cmd.kafkaImage } : {}),
          ...(cmd.postgresImage !== undefined ? { postgresImage: cmd.postgresImage } : {}),
          ...(cmd.searchImage !== undefined ? { searchImage: cmd.searchImage } : {}),
          ...(cmd.external !== undefined
            ? {
                external: {
                  ...cmd.external,
                  ...(process.env.KCL_CONNECT_PASSWORD !== undefined
                    ? { connectPassword: process.env.KCL_CONNECT_PASSWORD }
                    : {}),
                },
              }
            : {}),
        });
      } finally {
        process.off('SIGINT', early);
        process.off('SIGTERM', early);
      }
      printStatus(s, cmd.json);
      if (cmd.detach) return 0;
      if (interrupted) {
        await down(common);
        return 130;
      }
      await stayInForeground(cmd.stateDir);
      return 0;
    }
    case 'down':
      await down({
        ...(cmd.stateDir !== undefined ? { stateDir: cmd.stateDir } : {}),
        purge: cmd.purge,
        onProgress: progress,
      });
      return 0;
    case 'status':
      printStatus(await status(cmd.stateDir !== undefined ? { stateDir: cmd.stateDir } : {}), cmd.json);
      return 0;
    case 'logs': {
      const text = await logs(cmd.service, cmd.stateDir !== undefined ? { stateDir: cmd.stateDir } : {});
      const out =
        cmd.tail === undefined ? text : text.trimEnd().split('\n').slice(-cmd.tail).join('\n') + '\n';
      process.stdout.write(out);
      return 0;
    }
  }
}

async function main(): Promise<number> {
  try {
    return await run(parseLabArgs(process.argv.slice(2)));
  } catch (e) {
    if (isLabError(e)) {
      process.stderr.write(`lab: ${e.describe()}\n`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    process.stderr.write(
      `lab: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // kafkajs/pg sockets are closed, but do not wait for stray timers of a failed probe.
    setImmediate(() => process.exit(code));
  },
  () => process.exit(1),
);
