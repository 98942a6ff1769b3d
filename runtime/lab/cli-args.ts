import { LabError } from './errors';
import { PROVIDER_NAMES, SERVICE_NAMES } from './types';
import type { ExternalClusterOptions, ProviderName, ServiceName } from './types';

export type LabCommand =
  | {
      command: 'up';
      /** Absent: the state dir's provider, else docker when an engine answers, else local. */
      provider?: ProviderName;
      detach: boolean;
      connect: boolean;
      /** --search: the search engine too (present only when given). */
      search?: boolean;
      json: boolean;
      stateDir?: string;
      kafkaImage?: string;
      postgresImage?: string;
      searchImage?: string;
      external?: ExternalClusterOptions;
    }
  | { command: 'down'; purge: boolean; stateDir?: string }
  | { command: 'status'; json: boolean; stateDir?: string }
  | { command: 'logs'; service: ServiceName; tail?: number; stateDir?: string }
  | { command: 'help' };

export const USAGE = `Usage: lab <command> [options]

Commands:
  up      [--provider local|docker|external] [--detach] [--state-dir DIR] [--no-connect] [--search] [--json]
          start Kafka, PostgreSQL (and the Connect runtime when built); without --detach it stays
          in the foreground and stops everything on Ctrl-C. Default provider: the state dir's,
          else docker when a Docker engine answers (DOCKER_HOST or a default socket), else local.
          --search: also a search engine for the Elasticsearch sink (local: OpenSearch 2.19,
          docker: an Elasticsearch 7.17 container).
          docker:   [--kafka-image IMG] [--postgres-image IMG]  (apache/kafka:4.4.0, postgres:17)
                    [--search-image IMG]  (docker.elastic.co/elasticsearch/elasticsearch:7.17.28)
          external: --bootstrap-servers H:P[,H:P] [--connect-url URL]... [--postgres-url URL]
                    [--connect-user NAME]  (password from $KCL_CONNECT_PASSWORD)
  down    [--purge] [--state-dir DIR]     stop what up started; --purge also deletes the data
  status  [--json] [--state-dir DIR]      addresses and states (JSON: one object on stdout)
  logs    <kafka|postgres|connect|search> [--tail N] [--state-dir DIR]
  help

The state dir defaults to $KCL_STATE_DIR, then ~/.local/state/kafka-connect-lab/default.`;

function usage(message: string): LabError {
  return new LabError('USAGE', message, 'Run `lab help` for the commands and options.');
}

const ALLOWED: Record<string, readonly string[]> = {
  up: [
    '--provider',
    '--detach',
    '--state-dir',
    '--no-connect',
    '--search',
    '--json',
    '--kafka-image',
    '--postgres-image',
    '--search-image',
    '--bootstrap-servers',
    '--connect-url',
    '--postgres-url',
    '--connect-user',
  ],
  down: ['--purge', '--state-dir'],
  status: ['--json', '--state-dir'],
  logs: ['--tail', '--state-dir'],
};
const WITH_VALUE = new Set([
  '--provider',
  '--state-dir',
  '--tail',
  '--kafka-image',
  '--postgres-image',
  '--search-image',
  '--bootstrap-servers',
  '--connect-url',
  '--postgres-url',
  '--connect-user',
]);
/** Options that may be given more than once (values are collected in order). */
const REPEATABLE = new Set(['--connect-url']);

export function parseLabArgs(argv: readonly string[]): LabCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  const allowed = ALLOWED[command];
  if (!allowed) throw usage(`Unknown command "${command}". Commands: up, down, status, logs, help.`);
  const flags = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!allowed.includes(name)) throw usage(`Unknown option ${name} for "${command}".`);
    if (WITH_VALUE.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw usage(`Option ${name} needs a value.`);
      flags.set(name, value);
      if (REPEATABLE.has(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else {
      if (eq > 0) throw usage(`Option ${name} takes no value.`);
      flags.set(name, '');
    }
  }
  const stateDir = flags.get('--state-dir');
  const withDir = stateDir !== undefined ? { stateDir } : {};
  switch (command) {
    case 'up': {
      if (positional.length > 0) throw usage(`Unexpected argument "${positional[0]}" for "up".`);
      const provider = flags.get('--provider');
      if (provider !== undefined && !(PROVIDER_NAMES as readonly string[]).includes(provider)) {
        throw usage(`Unknown provider "${provider}". Providers: ${PROVIDER_NAMES.join(', ')}.`);
      }
      const kafkaImage = flags.get('--kafka-image');
      const postgresImage = flags.get('--postgres-image');
      const searchImage = flags.get('--search-image');
      const bootstrapServers = flags.get('--bootstrap-servers');
      const connectUrls = (repeated.get('--connect-url') ?? []).flatMap((u) => u.split(','));
      const postgresUrl = flags.get('--postgres-url');
      const connectUser = flags.get('--connect-user');
      const externalFlags = connectUrls.length > 0 || postgresUrl !== undefined || connectUser !== undefined;
      if (
        (kafkaImage !== undefined || postgresImage !== undefined || searchImage !== undefined) &&
        provider !== undefined &&
        provider !== 'docker'
      )
        throw usage('--kafka-image, --postgres-image and --search-image are options of --provider docker.');
      if (searchImage !== undefined && !flags.has('--search'))
        throw usage('--search-image chooses the image of --search: give both.');
      if (
        (bootstrapServers !== undefined || externalFlags) &&
        provider !== undefined &&
        provider !== 'external'
      )
        throw usage(
          '--bootstrap-servers, --connect-url, --postgres-url and --connect-user are options of --provider external.',
        );
      if (externalFlags && bootstrapServers === undefined)
        throw usage('--provider external needs --bootstrap-servers host:port.');
      const external: ExternalClusterOptions | undefined =
        bootstrapServers === undefined
          ? undefined
          : {
              bootstrapServers,
              ...(connectUrls.length > 0 ? { connectUrls } : {}),
              ...(postgresUrl !== undefined ? { postgresUrl } : {}),
              ...(connectUser !== undefined ? { connectUsername: connectUser } : {}),
            };
      return {
        command: 'up',
        ...(provider !== undefined ? { provider: provider as ProviderName } : {}),
        detach: flags.has('--detach'),
        connect: !flags.has('--no-connect'),
        ...(flags.has('--search') ? { search: true } : {}),
        json: flags.has('--json'),
        ...withDir,
        ...(kafkaImage !== undefined ? { kafkaImage } : {}),
        ...(postgresImage !== undefined ? { postgresImage } : {}),
        ...(searchImage !== undefined ? { searchImage } : {}),
        ...(external !== undefined ? { external } : {}),
      };
    }
    case 'down':
      if (positional.length > 0) throw usage(`Unexpected argument "${positional[0]}" for "down".`);
      return { command: 'down', purge: flags.has('--purge'), ...withDir };
    case 'status':
      if (positional.length > 0) throw usage(`Unexpected argument "${positional[0]}" for "status".`);
      return { command: 'status', json: flags.has('--json'), ...withDir };
    default: {
      const service = positional[0];
      if (
        positional.length !== 1 ||
        service === undefined ||
        !(SERVICE_NAMES as readonly string[]).includes(service)
      ) {
        throw usage(`logs needs one service: ${SERVICE_NAMES.join(', ')}.`);
      }
      const tailText = flags.get('--tail');
      const tail = tailText === undefined ? undefined : Number(tailText);
      if (tail !== undefined && (!Number.isInteger(tail) || tail <= 0))
        throw usage('--tail needs a positive number.');
      return {
        command: 'logs',
        service: service as ServiceName,
        ...(tail !== undefined ? { tail } : {}),
        ...withDir,
      };
    }
  }
}
