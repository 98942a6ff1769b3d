/**
 * Every setting the extension reads, described once. package.json `contributes.configuration`
 * must list exactly these keys with the same types and defaults (test/unit/ext-settings-drift.test.ts).
 * Nothing else in src/ reads configuration directly.
 */

export interface ExternalClusterSetting {
  name: string;
  url: string;
  username?: string;
  /** Plain text is accepted but `${secret:NAME}` (SecretStorage) is what the docs recommend. */
  password?: string;
  /** Path to a PEM CA bundle for https clusters with a private CA. */
  ca?: string;
  /** PEM client certificate and its key, for clusters with `ssl.client.auth=required`. */
  cert?: string;
  key?: string;
  /** Skip TLS certificate verification (self-signed dev clusters only). */
  insecure?: boolean;
}

/** `auto`: the lab picks (the state dir's provider, $KCL_LAB_PROVIDER, docker when an engine answers, else local). */
export type LabProvider = 'auto' | 'local' | 'docker' | 'external';

export interface Settings {
  clusters: ExternalClusterSetting[];
  defaultCluster: string;
  showLocalCluster: boolean;
  refreshIntervalSeconds: number;
  labProvider: LabProvider;
  kafkaImage: string;
  postgresImage: string;
  /** External provider: the cluster's addresses; passwords live in SecretStorage (lab-options.ts). */
  externalBootstrapServers: string;
  externalConnectUrls: string[];
  externalConnectUsername: string;
  externalPostgresUrl: string;
  recordsBufferSize: number;
  recordsBootstrapServers: string;
}

type JsonType = 'array' | 'string' | 'boolean' | 'number';

export interface SettingSpec<K extends keyof Settings = keyof Settings> {
  field: K;
  /** Key relative to the `kafkaConnectLab` section. */
  key: string;
  type: JsonType;
  default: Settings[K];
  enum?: readonly string[];
}

export const SECTION = 'kafkaConnectLab';

export const SETTING_SPECS: readonly SettingSpec[] = [
  { field: 'clusters', key: 'clusters', type: 'array', default: [] },
  { field: 'defaultCluster', key: 'defaultCluster', type: 'string', default: '' },
  { field: 'showLocalCluster', key: 'showLocalCluster', type: 'boolean', default: true },
  { field: 'refreshIntervalSeconds', key: 'refreshIntervalSeconds', type: 'number', default: 5 },
  {
    field: 'labProvider',
    key: 'lab.provider',
    type: 'string',
    default: 'auto',
    enum: ['auto', 'local', 'docker', 'external'],
  },
  // The lab's Docker provider defaults (runtime/lab/docker/provider.ts); passed to it only when changed.
  { field: 'kafkaImage', key: 'lab.kafkaImage', type: 'string', default: 'apache/kafka:4.4.0' },
  { field: 'postgresImage', key: 'lab.postgresImage', type: 'string', default: 'postgres:17' },
  { field: 'externalBootstrapServers', key: 'lab.external.bootstrapServers', type: 'string', default: '' },
  { field: 'externalConnectUrls', key: 'lab.external.connectUrls', type: 'array', default: [] },
  { field: 'externalConnectUsername', key: 'lab.external.connectUsername', type: 'string', default: '' },
  { field: 'externalPostgresUrl', key: 'lab.external.postgresUrl', type: 'string', default: '' },
  { field: 'recordsBufferSize', key: 'records.bufferSize', type: 'number', default: 100_000 },
  { field: 'recordsBootstrapServers', key: 'records.bootstrapServers', type: 'string', default: '' },
];

/** Reads and validates settings through `get` (VS Code's WorkspaceConfiguration.get in the host). */
export function readSettings(get: (key: string) => unknown): Settings {
  const out: Record<string, unknown> = {};
  for (const spec of SETTING_SPECS) {
    const raw = get(spec.key);
    out[spec.field] = coerce(spec, raw);
  }
  const settings = out as unknown as Settings;
  settings.clusters = sanitizeClusters(settings.clusters);
  settings.externalConnectUrls = settings.externalConnectUrls.filter(
    (u): u is string => typeof u === 'string' && u.trim() !== '',
  );
  settings.refreshIntervalSeconds = Math.max(1, settings.refreshIntervalSeconds);
  return settings;
}

function coerce(spec: SettingSpec, raw: unknown): unknown {
  switch (spec.type) {
    case 'array':
      return Array.isArray(raw) ? raw : spec.default;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : spec.default;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : spec.default;
    case 'string':
      if (typeof raw !== 'string') return spec.default;
      if (spec.enum && !spec.enum.includes(raw)) return spec.default;
      return raw;
  }
}

/** Drops malformed entries (no name/url) instead of failing activation on a typo in settings. */
export function sanitizeClusters(raw: unknown[]): ExternalClusterSetting[] {
  const out: ExternalClusterSetting[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (typeof e.name !== 'string' || typeof e.url !== 'string' || e.name === '' || e.url === '') continue;
    const c: ExternalClusterSetting = { name: e.name, url: e.url.replace(/\/+$/, '') };
    if (typeof e.username === 'string') c.username = e.username;
    if (typeof e.password === 'string') c.password = e.password;
    if (typeof e.ca === 'string') c.ca = e.ca;
    if (typeof e.cert === 'string') c.cert = e.cert;
    if (typeof e.key === 'string') c.key = e.key;
    if (typeof e.insecure === 'boolean') c.insecure = e.insecure;
    out.push(c);
  }
  return out;
}
