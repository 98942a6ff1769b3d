/**
 * The lab `up` options the extension's settings ask for (runtime/lab/types.ts UpOptions): the
 * provider, the Docker images when changed from the lab's defaults, the external cluster's
 * addresses. Passwords never come from settings: they are SecretStorage entries stored with
 * "Kafka Connect: Store Secret" under the names in EXTERNAL_SECRETS.
 */
import type { UpOptions } from '../../runtime/lab/types';
import { ExtensionError } from '../errors';
import type { Settings } from './settings';
import { SETTING_SPECS } from './settings';

export type LabUpSettings = Pick<UpOptions, 'provider' | 'kafkaImage' | 'postgresImage' | 'external'>;

export const EXTERNAL_SECRETS = {
  connectPassword: 'lab.external.connectPassword',
  postgresPassword: 'lab.external.postgresPassword',
} as const;

export interface ExternalSecrets {
  connectPassword?: string;
  postgresPassword?: string;
}

function defaultOf(field: keyof Settings): unknown {
  return SETTING_SPECS.find((s) => s.field === field)?.default;
}

export function labUpSettings(s: Settings, secrets: ExternalSecrets = {}): LabUpSettings {
  const out: LabUpSettings = {};
  if (s.labProvider !== 'auto') out.provider = s.labProvider;
  // Unchanged defaults are not passed, so KCL_DOCKER_*_IMAGE and the state dir's images still apply.
  if (s.kafkaImage.trim() && s.kafkaImage !== defaultOf('kafkaImage')) out.kafkaImage = s.kafkaImage.trim();
  if (s.postgresImage.trim() && s.postgresImage !== defaultOf('postgresImage'))
    out.postgresImage = s.postgresImage.trim();
  if (s.labProvider === 'external') out.external = externalOptions(s, secrets);
  return out;
}

function externalOptions(s: Settings, secrets: ExternalSecrets): NonNullable<UpOptions['external']> {
  const bootstrapServers = s.externalBootstrapServers.trim();
  if (!bootstrapServers) {
    throw new ExtensionError(
      'lab-start-failed',
      'The external lab provider needs the Kafka bootstrap servers.',
      {
        nextStep: 'Set kafkaConnectLab.lab.external.bootstrapServers (host:port[,host:port]).',
      },
    );
  }
  const external: NonNullable<UpOptions['external']> = {
    bootstrapServers,
    connectUrls: s.externalConnectUrls.map((u) => u.trim()),
  };
  if (s.externalConnectUsername.trim()) {
    external.connectUsername = s.externalConnectUsername.trim();
    external.connectPassword = secrets.connectPassword ?? '';
  }
  const pgUrl = s.externalPostgresUrl.trim();
  if (pgUrl) external.postgresUrl = withPassword(pgUrl, secrets.postgresPassword);
  return external;
}

/** Puts the stored password into a postgres:// URL that has a user and no password of its own. */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url; // the lab names the bad URL
  }
  if (parsed.username === '' || parsed.password !== '') return url;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** Basic-auth credentials for the local cluster's Connect REST URL (the external provider's). */
export interface ConnectAuth {
  username: string;
  password: string;
}

/** A Connect URL without credentials, query or trailing slash, for comparing configured URLs. */
function bareConnectUrl(raw: string): { bare: string; user?: ConnectAuth } | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const user =
    url.username !== ''
      ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
      : undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return { bare: url.toString().replace(/\/+$/, ''), ...(user ? { user } : {}) };
}

/**
 * The credentials the local cluster's client sends to `connectUrl` (the lab status' Connect URL,
 * always without credentials): only when that URL is one of lab.external.connectUrls — a password is
 * never sent anywhere else — from lab.external.connectUsername with the SecretStorage password, else
 * from the user:password the configured URL itself carries (as the lab CLI accepts). undefined: no
 * auth (the lab's own runtime, or an external Connect without it).
 */
export function localConnectAuth(
  s: Pick<Settings, 'externalConnectUrls' | 'externalConnectUsername'>,
  connectUrl: string,
  secretPassword: string | undefined,
): ConnectAuth | undefined {
  const target = bareConnectUrl(connectUrl);
  if (!target) return undefined;
  const configured = s.externalConnectUrls.map(bareConnectUrl).find((c) => c?.bare === target.bare);
  if (!configured) return undefined;
  const username = s.externalConnectUsername.trim();
  if (username) return { username, password: secretPassword ?? '' };
  return configured.user;
}
