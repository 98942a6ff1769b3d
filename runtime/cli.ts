/**
 * The runtime's command line: `--bootstrap-servers H:P --rest-port N [--state-dir DIR] [--group-id ID]
 * [--plugin-path DIR]...`. Prints exactly one JSON line `{"rest":"http://127.0.0.1:N"}` on stdout once
 * /health is healthy; everything else goes to stderr. SIGTERM/SIGINT stop gracefully.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { startRuntime } from './runtime';

interface CliArgs {
  bootstrapServers: string;
  restPort: number;
  stateDir: string | null;
  groupId: string;
  pluginPaths: string[];
  offsetFlushIntervalMs: number | undefined;
  replicationFactor: number;
  configTopic?: string;
  offsetTopic?: string;
  statusTopic?: string;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: cli.ts --bootstrap-servers H:P [--rest-port 8083] [--state-dir DIR] [--group-id ID] [--plugin-path DIR] ` +
      `[--offset-flush-interval-ms MS] [--replication-factor N] [--config-topic T] [--offset-topic T] [--status-topic T]\n`,
  );
  process.exit(2);
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    bootstrapServers: process.env['KCL_BOOTSTRAP_SERVERS'] ?? '',
    restPort: 8083,
    stateDir: null,
    groupId: 'kcl-connect',
    pluginPaths: (process.env['KCL_PLUGIN_PATH'] ?? '').split(':').filter((p) => p !== ''),
    offsetFlushIntervalMs: undefined,
    replicationFactor: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const [name, inline] = flag.includes('=')
      ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
      : [flag, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`missing value for ${name}`);
      return v;
    };
    switch (name) {
      case '--bootstrap-servers':
        args.bootstrapServers = value();
        break;
      case '--rest-port':
        args.restPort = Number(value());
        break;
      case '--state-dir':
        args.stateDir = value();
        break;
      case '--group-id':
        args.groupId = value();
        break;
      case '--plugin-path':
        args.pluginPaths.push(value());
        break;
      case '--offset-flush-interval-ms':
        args.offsetFlushIntervalMs = Number(value());
        break;
      case '--replication-factor':
        args.replicationFactor = Number(value());
        break;
      case '--config-topic':
        args.configTopic = value();
        break;
      case '--offset-topic':
        args.offsetTopic = value();
        break;
      case '--status-topic':
        args.statusTopic = value();
        break;
      default:
        usage(`unknown argument ${flag}`);
    }
  }
  if (!args.bootstrapServers) usage('--bootstrap-servers is required');
  if (!Number.isInteger(args.restPort) || args.restPort < 0 || args.restPort > 65535)
    usage('invalid --rest-port');
  return args;
}

/** GET /health through node:http: the global fetch would load undici, a tenth of the start-up time. */
function healthStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${url}/health`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string): void => {
    process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  };
  const runtime = await startRuntime({
    bootstrapServers: args.bootstrapServers,
    restPort: args.restPort,
    groupId: args.groupId,
    pluginPaths: args.pluginPaths,
    offsetFlushIntervalMs: args.offsetFlushIntervalMs,
    replicationFactor: args.replicationFactor,
    configTopic: args.configTopic,
    offsetTopic: args.offsetTopic,
    statusTopic: args.statusTopic,
    log,
  });
  const health = await healthStatus(runtime.url);
  if (health !== 200) throw new Error(`health check answered ${health}`);
  if (args.stateDir) {
    mkdirSync(args.stateDir, { recursive: true });
    writeFileSync(
      join(args.stateDir, 'runtime.json'),
      JSON.stringify({ pid: process.pid, rest: runtime.url }) + '\n',
    );
  }
  process.stdout.write(`${JSON.stringify({ rest: runtime.url })}\n`);
  log(`Kafka Connect runtime started; REST at ${runtime.url}, group ${args.groupId}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`Received ${signal}; stopping gracefully`);
    const force = setTimeout(() => process.exit(1), 30000);
    force.unref();
    runtime
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log(`Shutdown failed: ${String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Runtime failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
