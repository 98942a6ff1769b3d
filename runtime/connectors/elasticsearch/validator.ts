/**
 * io.confluent.connect.elasticsearch.Validator: the ConfigDef's field checks, then (when those pass)
 * the combination rules on the keys the real connector reports them on, then — when nothing is
 * wrong so far — a ping and a version check against the engine with the connector's own
 * credentials and TLS settings, with the real connector's messages.
 */
import type { ConfigValue } from '../../config/config-value';
import { ConfigException } from '../../config/config-exception';
import { Password, javaHashOrder, javaToString } from '../../config/java-compat';
import { labHosts } from '../../net/lab-hosts';
import { JavaIoException, ResponseException } from './io-errors';
import { parseElasticsearchSettings } from './settings';
import type { ElasticsearchSettings } from './settings';
import { elasticsearchSinkConfigDef } from './sink-config';
import { SslConfigException } from './tls-options';
import { httpCall } from './transport';
import { ELASTICSEARCH_CONNECTOR_VERSION } from './version';

export const SSL_CONFIG_PREFIX = 'elastic.https.';
const CONNECTOR_V11_COMPATIBLE_ES_VERSION = '7.0.0';
const DATA_STREAM_COMPATIBLE_ES_VERSION = '7.9.0';

type Props = Readonly<Record<string, string | null>>;

export async function validateElasticsearchSink(props: Props): Promise<ConfigValue[]> {
  const def = elasticsearchSinkConfigDef();
  const all = def.validateAll(props);
  const values = javaHashOrder([...all.keys()]).map((k) => all.get(k) as ConfigValue);
  let s: ElasticsearchSettings;
  let p: Map<string, unknown>;
  const add = (key: string, message: string): void => all.get(key)?.addErrorMessage(message);
  try {
    p = def.parse(props);
    s = parseElasticsearchSettings(props as Record<string, string>);
  } catch (e) {
    // an unreadable or unsupported key/trust store: on its key (the real one reports
    // "Invalid Elasticsearch client configuration" on connection.url when building the client fails)
    if (e instanceof SslConfigException && values.every((v) => v.errorMessages.length === 0))
      add(e.configKey, e.message);
    if (e instanceof ConfigException) return values; // individual configs are invalid
    throw e;
  }
  const c = new Combination(p, props, s);
  c.check(add);
  if (values.some((v) => v.errorMessages.length > 0)) return values;
  // The real one pings with a Kerberos login; a ping without it would prove nothing here. A
  // task with these keys fails at start, saying this runtime has no Kerberos (kerberos.ts).
  if (c.kerberos) return values;
  await validateConnection(s, c, add);
  return values;
}

class Combination {
  readonly username: string | null;
  readonly password: unknown;
  readonly sslEnabled: boolean;
  readonly kerberos: boolean;
  readonly proxyHost: string;
  readonly proxyUsername: string;
  readonly proxyPassword: unknown;

  constructor(
    readonly p: Map<string, unknown>,
    readonly props: Props,
    readonly s: ElasticsearchSettings,
  ) {
    this.username = (p.get('connection.username') as string | null) ?? null;
    this.password = p.get('connection.password') ?? null;
    this.sslEnabled = this.str('elastic.security.protocol').toUpperCase() === 'SSL';
    this.kerberos = p.get('kerberos.user.principal') != null || p.get('kerberos.keytab.path') != null;
    this.proxyHost = this.str('proxy.host');
    this.proxyUsername = this.str('proxy.username');
    this.proxyPassword = p.get('proxy.password') ?? null;
  }

  str(k: string): string {
    const v = this.p.get(k);
    return v === null || v === undefined ? '' : v instanceof Password ? v.value() : javaToString(v);
  }

  list(k: string): string[] {
    return (this.p.get(k) as string[] | null) ?? [];
  }

  get authenticated(): boolean {
    return this.username !== null && this.password !== null;
  }

  get proxy(): boolean {
    return this.proxyHost !== '';
  }

  check(add: (key: string, message: string) => void): void {
    const both = (a: string, b: string, msg: string): void => {
      add(a, msg);
      add(b, msg);
    };
    if ((this.username !== null) !== (this.password !== null))
      both(
        'connection.username',
        'connection.password',
        "Both 'connection.username' and 'connection.password' must be set.",
      );
    this.checkResources(add);
    const dsNone = this.str('data.stream.type').toUpperCase() === 'NONE';
    if (dsNone !== (this.str('data.stream.dataset') === ''))
      both(
        'data.stream.type',
        'data.stream.dataset',
        "Either both or neither 'data.stream.dataset' and 'data.stream.type' must be set.",
      );
    if (!this.s.isDataStream) {
      if (this.list('data.stream.timestamp.field').length > 0)
        add(
          'data.stream.timestamp.field',
          "Mapping a field to the '@timestamp' field is only necessary when working with data streams. 'data.stream.timestamp.field' must not be set when not using data streams.",
        );
    } else if (this.s.writeMethod === 'UPSERT') {
      add(
        'write.method',
        'Upserts are not supported with data streams. write.method must not be UPSERT when using data streams.',
      );
    } else if (this.s.behaviorOnNullValues === 'DELETE') {
      add(
        'behavior.on.null.values',
        'Deletes are not supported with data streams. behavior.on.null.values must not be DELETE when using data streams.',
      );
    }
    for (const [flag, topics] of [
      ['key.ignore', 'topic.key.ignore'],
      ['schema.ignore', 'topic.schema.ignore'],
    ] as const) {
      if (this.p.get(flag) === true && this.list(topics).length > 0)
        both(flag, topics, `'${topics}' can not be set if '${flag}' is true.`);
    }
    this.checkKerberos(add);
    if (this.s.lingerMs > this.s.flushTimeoutMs)
      both(
        'linger.ms',
        'flush.timeout.ms',
        `'linger.ms' (${this.s.lingerMs}) can not be larger than 'flush.timeout.ms' (${this.s.flushTimeoutMs}).`,
      );
    if (this.s.maxBufferedRecords < this.s.batchSize * this.s.maxInFlightRequests) {
      const msg = `'max.buffered.records' (${this.s.maxBufferedRecords}) must be larger than or equal to 'batch.size' (${this.s.batchSize}) x max.in.flight.requests (${this.s.maxInFlightRequests}).`;
      for (const k of ['max.buffered.records', 'batch.size', 'max.in.flight.requests']) add(k, msg);
    }
    this.checkProxy(add);
    const sslKeys = Object.keys(this.props).filter((k) => k.startsWith(SSL_CONFIG_PREFIX));
    if (!this.sslEnabled && sslKeys.length > 0)
      add(
        'elastic.security.protocol',
        "'elastic.security.protocol' must be set to 'SSL' to use SSL configs.",
      );
    if (this.sslEnabled && sslKeys.length === 0)
      add(
        'elastic.security.protocol',
        "At least these SSL configs ('elastic.https.ssl.keystore.location', 'elastic.https.ssl.keystore.password', 'elastic.https.ssl.truststore.location', and 'elastic.https.ssl.truststore.password') must be present for SSL support. Otherwise set 'elastic.security.protocol' to 'PLAINTEXT'.",
      );
  }

  private checkResources(add: (key: string, message: string) => void): void {
    const mapping = this.list('topic.to.external.resource.mapping');
    const enabled = this.str('external.resource.usage').toUpperCase() !== 'DISABLED';
    if (enabled !== mapping.length > 0) {
      const msg =
        'Invalid configuration: external.resource.usage and topic.to.external.resource.mapping must be configured together. Either both must be set, or both must be empty.';
      add('external.resource.usage', msg);
      add('topic.to.external.resource.mapping', msg);
      return;
    }
    if (mapping.length === 0) return;
    if (this.str('data.stream.type').toUpperCase() !== 'NONE' || this.str('data.stream.dataset') !== '') {
      const msg =
        'Resource mapping mode and data stream configs are mutually exclusive. When using topic.to.external.resource.mapping, data stream configs (data.stream.type, data.stream.dataset) must not be set.';
      for (const k of ['topic.to.external.resource.mapping', 'data.stream.type', 'data.stream.dataset'])
        add(k, msg);
      return;
    }
    const mapped = new Set(this.s.topicToResource.keys());
    const configured = new Set(
      (this.props.topics ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    );
    const unmapped = [...configured].find((t) => !mapped.has(t));
    if (unmapped !== undefined) {
      add(
        'topic.to.external.resource.mapping',
        `Topic '${unmapped}' is not mapped to any resource. All configured topics must be mapped to a resource.`,
      );
      return;
    }
    const unconfigured = [...mapped].find((t) => !configured.has(t));
    if (unconfigured !== undefined)
      add(
        'topic.to.external.resource.mapping',
        `Topic '${unconfigured}' is mapped but not configured. All mapped topics must be configured topics.`,
      );
  }

  private checkKerberos(add: (key: string, message: string) => void): void {
    const principal = this.p.get('kerberos.user.principal') != null;
    const keytab = this.p.get('kerberos.keytab.path') != null;
    const k = ['kerberos.user.principal', 'kerberos.keytab.path'];
    if (principal !== keytab) {
      const msg = "Either both or neither 'kerberos.user.principal' and 'kerberos.keytab.path' must be set.";
      for (const key of k) add(key, msg);
    }
    if (!this.kerberos) return;
    if (this.authenticated) {
      const msg =
        'Either only Kerberos (kerberos.user.principal, kerberos.keytab.path) or connection credentials (connection.username, connection.password) must be set.';
      for (const key of [...k, 'connection.username', 'connection.password']) add(key, msg);
    }
    if (this.proxy) {
      const msg =
        'Kerberos (kerberos.user.principal, kerberos.keytab.path) is not supported with proxy settings (proxy.host).';
      for (const key of [...k, 'proxy.host']) add(key, msg);
    }
  }

  private checkProxy(add: (key: string, message: string) => void): void {
    if (!this.proxy) {
      if (this.proxyUsername !== '') {
        const msg = "'proxy.host' must be set to use 'proxy.username'.";
        add('proxy.username', msg);
        add('proxy.host', msg);
      }
      if (this.proxyPassword !== null) {
        const msg = "'proxy.host' must be set to use 'proxy.password'.";
        add('proxy.password', msg);
        add('proxy.host', msg);
      }
    } else if ((this.proxyUsername === '') !== (this.proxyPassword === null)) {
      const msg = "Either both or neither 'proxy.username' and 'proxy.password' can be set.";
      add('proxy.username', msg);
      add('proxy.password', msg);
    }
  }
}

/** GET/HEAD on the first URL that answers, as the low-level RestClient fails over between hosts. */
async function call(
  s: ElasticsearchSettings,
  method: string,
  okStatuses: number[],
): Promise<{ status: number; text: string }> {
  const auth: Record<string, string> =
    s.username !== null && s.password !== null
      ? { authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}` }
      : {};
  let last: unknown = new JavaIoException('java.io.IOException', 'no connection.url');
  for (const url of s.connectionUrls) {
    try {
      return await httpCall(
        {
          base: labHosts().url(url),
          method,
          path: '/',
          headers: auth,
          connectTimeoutMs: s.connectionTimeoutMs,
          readTimeoutMs: s.readTimeoutMs,
          tls: s.tls,
          proxy: s.proxy,
        },
        okStatuses,
      );
    } catch (e) {
      if (e instanceof ResponseException) throw e;
      last = e;
    }
  }
  throw last;
}

async function validateConnection(
  s: ElasticsearchSettings,
  c: Combination,
  add: (key: string, message: string) => void,
): Promise<void> {
  // validateConnection: client.ping() (HEAD /); 403 means the engine is up.
  let ok: boolean;
  let detail = '';
  try {
    ok = (await call(s, 'HEAD', [404])).status === 200;
  } catch (e) {
    ok = e instanceof ResponseException && e.status === 403;
    if (!ok) detail = `Error message: ${(e as Error).message}`;
  }
  if (!ok) {
    add('connection.url', `Could not connect to Elasticsearch. ${detail}`);
    if (c.authenticated) {
      const msg = `Could not authenticate the user. Check the 'connection.username' and 'connection.password'. ${detail}`;
      add('connection.username', msg);
      add('connection.password', msg);
    }
    if (c.sslEnabled)
      add(
        'elastic.security.protocol',
        `Could not connect to Elasticsearch. Check your SSL settings.${detail}`,
      );
    if (c.kerberos) {
      const msg = `Could not connect to Elasticsearch. Check your Kerberos settings. ${detail}`;
      add('kerberos.user.principal', msg);
      add('kerberos.keytab.path', msg);
    }
    if (c.proxy) {
      const msg = `Could not connect to Elasticsearch. Check your proxy settings. ${detail}`;
      const keys = ['proxy.host', 'proxy.port'];
      if (c.proxyUsername !== '' && c.proxyPassword !== null) keys.push('proxy.username', 'proxy.password');
      for (const k of keys) add(k, msg);
    }
  }
  // validateVersion: client.info(); any failure here was already reported by the ping.
  let version: string;
  try {
    const info = JSON.parse((await call(s, 'GET', [])).text) as {
      version?: { number?: string; distribution?: string };
    };
    // OpenSearch (the lab's engine) numbers its versions 1.x/2.x but answers the Elasticsearch
    // 7.10 API: not held against it (the real connector, comparing numbers only, would refuse it).
    if (info.version?.distribution === 'opensearch') return;
    version = info.version?.number ?? '';
  } catch {
    return;
  }
  if (version === '') return;
  if (s.isDataStream && compareVersions(version, DATA_STREAM_COMPATIBLE_ES_VERSION) < 0) {
    const msg = `Elasticsearch version ${version} is not compatible with data streams. Elasticsearchversion must be at least ${DATA_STREAM_COMPATIBLE_ES_VERSION}.`;
    for (const k of ['connection.url', 'data.stream.type', 'data.stream.dataset']) add(k, msg);
  }
  if (compareVersions(version, CONNECTOR_V11_COMPATIBLE_ES_VERSION) < 0)
    add(
      'connection.url',
      `Connector version ${ELASTICSEARCH_CONNECTOR_VERSION} is not compatible with Elasticsearch version ${version}. Elasticsearch version must be at least ${CONNECTOR_V11_COMPATIBLE_ES_VERSION}.`,
    );
}

/** Validator.compareVersions: numeric per dotted part (suffixes after '-' dropped), then length. */
export function compareVersions(version: string, compatible: string): number {
  const a = version.split('.');
  const b = compatible.split('.');
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = parseInt(a[i].split('-')[0], 10) - parseInt(b[i].split('-')[0], 10);
    if (d !== 0) return Math.sign(d);
  }
  return a.length - b.length;
}
