/**
 * Lab host aliases: the lesson's connector JSON names its services `postgres`, `kafka` and
 * `elasticsearch` (the host names of its docker compose network), e.g.
 * `jdbc:postgresql://postgres:5432/mydb`. When — and only when — the runtime is started by the lab,
 * the lab passes the actual addresses of its services in the environment variable
 * KCL_LAB_HOSTS, and connectors resolve those three names to them, so the lesson's JSON runs
 * unchanged. Real Kafka Connect does not do this: it resolves host names through DNS only.
 * Every applied alias is logged once (see docs/lessons.md).
 */

export const LAB_HOSTS_ENV = 'KCL_LAB_HOSTS';

/** The lesson's service names. */
export type LabAlias = 'postgres' | 'kafka' | 'elasticsearch';
export const LAB_ALIASES: readonly LabAlias[] = ['postgres', 'kafka', 'elasticsearch'];

export interface LabEndpoint {
  host: string;
  port: number;
}

export type LabHosts = Partial<Record<LabAlias, LabEndpoint>>;

/** What the lab puts into the runtime's environment. */
export function labHostsEnv(hosts: LabHosts): Record<string, string> {
  const text: Record<string, string> = {};
  for (const alias of LAB_ALIASES) {
    const e = hosts[alias];
    if (e) text[alias] = `${e.host}:${e.port}`;
  }
  return { [LAB_HOSTS_ENV]: JSON.stringify(text) };
}

/** Parses KCL_LAB_HOSTS ({"postgres":"127.0.0.1:54012",...}); anything malformed is ignored. */
export function parseLabHosts(raw: string | undefined): LabHosts {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const out: LabHosts = {};
  for (const alias of LAB_ALIASES) {
    const v = (parsed as Record<string, unknown>)[alias];
    if (typeof v !== 'string') continue;
    const m = /^([^:\s]+):(\d{1,5})$/.exec(v);
    if (!m) continue;
    const port = Number(m[2]);
    if (port > 0 && port < 65536) out[alias] = { host: m[1], port };
  }
  return out;
}

export type AliasLogger = (line: string) => void;

const defaultLog: AliasLogger = (line) => process.stderr.write(`${new Date().toISOString()} INFO ${line}\n`);

/**
 * Resolves host:port pairs against the lab aliases. One instance per process (labHosts()); tests
 * build their own with explicit hosts and a logger.
 */
export class LabHostResolver {
  private readonly logged = new Set<string>();

  constructor(
    readonly hosts: LabHosts,
    private readonly log: AliasLogger = defaultLog,
  ) {}

  get active(): boolean {
    return Object.keys(this.hosts).length > 0;
  }

  /** The endpoint to connect to for `host:port`: the lab service for an alias, else unchanged. */
  endpoint(host: string, port: number): LabEndpoint {
    const alias = host.toLowerCase() as LabAlias;
    const target = LAB_ALIASES.includes(alias) ? this.hosts[alias] : undefined;
    if (!target) return { host, port };
    this.announce(`${host}:${port}`, `${target.host}:${target.port}`);
    return target;
  }

  /** An http(s) URL whose host is an alias (the Elasticsearch sink's connection.url) → the lab's. */
  url(url: string): string {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return url;
    }
    const alias = u.hostname.toLowerCase() as LabAlias;
    const target = LAB_ALIASES.includes(alias) ? this.hosts[alias] : undefined;
    if (!target) return url;
    const before = `${u.protocol}//${u.host}`;
    u.hostname = target.host;
    u.port = String(target.port);
    const out = u.toString();
    // URL adds a trailing "/" to a bare origin; keep the caller's form.
    const result = url.endsWith('/') || u.pathname !== '/' ? out : out.replace(/\/$/, '');
    this.announce(before, `${u.protocol}//${u.host}`);
    return result;
  }

  /** A Kafka bootstrap list ("kafka:9092,other:9093"): aliases replaced, the rest kept. */
  bootstrap(list: string): string {
    return list
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => {
        const m = /^(.*):(\d+)$/.exec(s);
        if (!m) return s;
        const e = this.endpoint(m[1], Number(m[2]));
        return `${e.host}:${e.port}`;
      })
      .join(',');
  }

  private announce(from: string, to: string): void {
    const key = `${from}>${to}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(
      `lab alias applied: ${from} -> ${to} (the lab maps the lesson's host names to its own services; real Kafka Connect would use DNS; see docs/lessons.md)`,
    );
  }
}

let shared: LabHostResolver | undefined;

/** The process-wide resolver, configured from KCL_LAB_HOSTS (inactive when the lab did not set it). */
export function labHosts(): LabHostResolver {
  shared ??= new LabHostResolver(parseLabHosts(process.env[LAB_HOSTS_ENV]));
  return shared;
}

/** For connectors that open HTTP connections (Elasticsearch/OpenSearch sink): call on each URL. */
export function resolveLabUrl(url: string): string {
  return labHosts().url(url);
}
