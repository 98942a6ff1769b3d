/**
 * The Elasticsearch sink's proxy.* and kerberos.* keys through the REST API of a real runtime
 * process, against a real search engine (the lab's OpenSearch 2.19) behind a real forwarding
 * HTTP/CONNECT proxy (test/support/forward-proxy.ts) that demands Basic credentials:
 * - http:// engine: records indexed through the proxy (absolute-form requests it forwarded);
 * - https:// engine (a TLS front with its own CA): records indexed through CONNECT tunnels;
 * - wrong proxy credentials: validate() reports the proxy's 407 on the keys the real Validator uses,
 *   creating is refused (400); credentials rotated on the proxy under a running task → FAILED, trace 407;
 * - proxy unreachable: validate() and the task say "Connection refused (connecting to the HTTP proxy …)";
 * - kerberos.*: the real checks in validate(); valid keys → the task FAILS saying the lab runtime
 *   has no Kerberos and what to do, nothing written.
 * The proxy password never shows in a status trace or in the runtime's log.
 * One engine for the whole file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Admin, Producer } from 'kafkajs';
import { kafkaClient, uniqueName } from '../support/cluster';
import { startEngineProxy } from '../support/engine-proxy';
import { startForwardProxy } from '../support/forward-proxy';
import type { ForwardProxy } from '../support/forward-proxy';
import { eventually, freeTcpPort, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';
import { allDocs, startSearchEngine } from '../support/search-engine';
import type { SearchEngine } from '../support/search-engine';

const PROXY_USER = 'squid-user';
const PROXY_PASSWORD = 'Pr0xy-s3cret-pw';

interface TaskStatus {
  state: string;
  trace?: string;
}

void describe('Elasticsearch sink through an HTTP proxy; Kerberos keys (real OpenSearch 2.19, real proxy)', () => {
  let engine: SearchEngine;
  let rt: RuntimeProcess;
  let proxy: ForwardProxy;
  let producer: Producer;
  let admin: Admin;
  const kafka = kafkaClient();
  const dir = mkdtempSync(join(tmpdir(), 'kcl-es-proxy-'));

  before(async () => {
    [engine, rt, proxy] = await Promise.all([
      startSearchEngine(),
      startRuntimeProcess({ offsetFlushIntervalMs: 500 }),
      startForwardProxy({ credentials: { username: PROXY_USER, password: PROXY_PASSWORD } }),
    ]);
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await rt?.stop();
    await proxy?.close();
    await engine?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const proxyKeys = (password = PROXY_PASSWORD): Record<string, string> => ({
    'proxy.host': proxy.host,
    'proxy.port': String(proxy.port),
    'proxy.username': PROXY_USER,
    'proxy.password': password,
  });

  async function topicWith(n: number): Promise<string> {
    const topic = uniqueName('es_px');
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const messages = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: i }) }));
    if (n > 0) await producer.send({ topic, messages });
    return topic;
  }

  function sinkConfig(topic: string, extra: Record<string, string>): Record<string, string> {
    return {
      'connector.class': 'ElasticsearchSink',
      'connection.url': engine.url,
      topics: topic,
      'key.ignore': 'false',
      'schema.ignore': 'true',
      'read.timeout.ms': '60000',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      ...extra,
    };
  }

  async function create(name: string, config: Record<string, string>): Promise<void> {
    const res = await http(rt.url, 'POST', '/connectors', { name, config });
    assert.equal(res.status, 201, res.text);
  }

  /**
   * Waits for the task to fail. With `topic`, one more record is produced first, so that the task
   * sends a bulk request that fails; the failure surfaces at the next put() (as in the real task),
   * the worker's empty put() on the then idle topic.
   */
  async function failedTask(name: string, topic?: string): Promise<TaskStatus> {
    if (topic !== undefined)
      await producer.send({ topic, messages: [{ key: 'nudge', value: JSON.stringify({ n: -1 }) }] });
    return eventually(
      async () => {
        const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as { tasks?: TaskStatus[] };
        const t = s.tasks?.[0];
        return t?.state === 'FAILED' ? t : undefined;
      },
      120000,
      `${name} task FAILED`,
    );
  }

  /** PUT .../config/validate: the error messages per key (keys without errors left out). */
  async function validateErrors(config: Record<string, string>): Promise<Record<string, string[]>> {
    const res = await http(rt.url, 'PUT', '/connector-plugins/ElasticsearchSinkConnector/config/validate', {
      'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      name: 'validate_me',
      topics: 'validate_me',
      'connection.url': engine.url,
      ...config,
    });
    assert.equal(res.status, 200, res.text);
    const out: Record<string, string[]> = {};
    for (const c of (res.body as { configs: { value: { name: string; errors: string[] } }[] }).configs)
      if (c.value.errors.length > 0) out[c.value.name] = c.value.errors;
    return out;
  }

  function assertNoPasswordLeak(...texts: string[]): void {
    for (const t of [...texts, rt.stderr()])
      assert.ok(!t.includes(PROXY_PASSWORD), 'the proxy password must not appear in traces or logs');
  }

  void it('http:// engine: validate() passes through the proxy and every record is indexed through it', async () => {
    assert.deepEqual(await validateErrors(proxyKeys()), {});
    const before = proxy.forwarded.length;
    const topic = await topicWith(5);
    const name = uniqueName('es-proxy-http');
    await create(name, sinkConfig(topic, proxyKeys()));
    await eventually(async () => (await allDocs(engine.url, topic)).length === 5, 120000, '5 documents');
    const seen = proxy.forwarded.slice(before);
    const origin = new URL(engine.url).origin;
    assert.ok(
      seen.some((r) => r.startsWith(`POST ${origin}/_bulk`)),
      `the bulk requests went through the proxy: ${seen.join(', ')}`,
    );
    assert.ok(seen.includes(`PUT ${origin}/${topic}`), 'the index was created through the proxy');
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });

  void it('https:// engine: CONNECT tunnels through the proxy, TLS to the engine inside, records indexed', async () => {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.pem'].concat(
        ['-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ),
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const front = await startEngineProxy({
      target: engine.url,
      tls: {
        key: readFileSync(join(dir, 'server.key'), 'utf8'),
        cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
      },
    });
    try {
      const tls = {
        'connection.url': front.url,
        'elastic.security.protocol': 'SSL',
        'elastic.https.ssl.truststore.location': join(dir, 'server.pem'),
        'elastic.https.ssl.truststore.type': 'PEM',
      };
      const topic = await topicWith(3);
      const name = uniqueName('es-proxy-https');
      await create(name, sinkConfig(topic, { ...tls, ...proxyKeys() }));
      await eventually(async () => (await allDocs(engine.url, topic)).length === 3, 120000, '3 documents');
      const authority = new URL(front.url).host;
      assert.ok(
        proxy.tunnels.includes(authority),
        `a CONNECT tunnel to ${authority}: ${proxy.tunnels.join(', ')}`,
      );
      assert.ok(
        front.requests.some((r) => r.startsWith('POST /_bulk')),
        'the bulk requests reached the engine through the tunnel',
      );
      assert.ok(
        !proxy.forwarded.some((r) => r.includes(authority)),
        'https requests are never sent to the proxy in clear (absolute form)',
      );
      await http(rt.url, 'DELETE', `/connectors/${name}`);
      // wrong credentials on the tunnel: the CONNECT's 407
      const wrong = await validateErrors({ ...tls, ...proxyKeys('wrong-password') });
      assert.match(
        wrong['connection.url']?.[0] ?? '',
        /^Could not connect to Elasticsearch\. Error message: method \[HEAD\], host \[https:\/\/127\.0\.0\.1:\d+\], URI \[\/\], status line \[HTTP\/1\.1 407 Proxy Authentication Required\]$/,
      );
    } finally {
      await front.close();
    }
  });

  void it('wrong proxy credentials: validate() reports the 407 on connection.url and proxy.*, create gets 400; rotated under a running task → FAILED, trace 407', async () => {
    const host = new URL(engine.url).origin;
    const detail = `Error message: method [HEAD], host [${host}], URI [/], status line [HTTP/1.1 407 Proxy Authentication Required]`;
    const proxyMsg = `Could not connect to Elasticsearch. Check your proxy settings. ${detail}`;
    assert.deepEqual(await validateErrors(proxyKeys('wrong-password')), {
      'connection.url': [`Could not connect to Elasticsearch. ${detail}`],
      'proxy.host': [proxyMsg],
      'proxy.port': [proxyMsg],
      'proxy.username': [proxyMsg],
      'proxy.password': [proxyMsg],
    });
    // no credentials at all: the same 407 (proxy.username/password not named: none are set)
    const bare = await validateErrors({ 'proxy.host': proxy.host, 'proxy.port': String(proxy.port) });
    assert.deepEqual(Object.keys(bare).sort(), ['connection.url', 'proxy.host', 'proxy.port']);
    const refused = await http(rt.url, 'POST', '/connectors', {
      name: uniqueName('es-proxy-refused'),
      config: sinkConfig('validate_me', proxyKeys('wrong-password')),
    });
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.text, /407 Proxy Authentication Required/);

    const topic = await topicWith(2);
    const name = uniqueName('es-proxy-rotated');
    await create(name, sinkConfig(topic, { ...proxyKeys(), 'max.retries': '1', 'retry.backoff.ms': '100' }));
    await eventually(async () => (await allDocs(engine.url, topic)).length === 2, 120000, '2 documents');
    const refusedBefore = proxy.refused;
    proxy.setCredentials({ username: PROXY_USER, password: 'rotated-password' });
    try {
      const failed = await failedTask(name, topic);
      assert.match(failed.trace ?? '', /status line \[HTTP\/1\.1 407 Proxy Authentication Required\]/);
      assert.ok(proxy.refused > refusedBefore, 'the proxy refused the task’s requests');
      assert.equal((await allDocs(engine.url, topic)).length, 2, 'nothing written past the refusal');
      assertNoPasswordLeak(failed.trace ?? '');
    } finally {
      proxy.setCredentials({ username: PROXY_USER, password: PROXY_PASSWORD });
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    }
  });

  void it('proxy unreachable: validate() and the task say the proxy refused the connection', async () => {
    const closed = await freeTcpPort(); // nothing listens there
    const msg = `Connection refused (connecting to the HTTP proxy 127.0.0.1:${closed} set by proxy.host and proxy.port)`;
    const keys = { ...proxyKeys(), 'proxy.port': String(closed) };
    const proxyMsg = `Could not connect to Elasticsearch. Check your proxy settings. Error message: ${msg}`;
    assert.deepEqual(await validateErrors(keys), {
      'connection.url': [`Could not connect to Elasticsearch. Error message: ${msg}`],
      'proxy.host': [proxyMsg],
      'proxy.port': [proxyMsg],
      'proxy.username': [proxyMsg],
      'proxy.password': [proxyMsg],
    });
    // a proxy that goes away under a running task
    const gone = await startForwardProxy();
    const topic = await topicWith(1);
    const name = uniqueName('es-proxy-gone');
    await create(
      name,
      sinkConfig(topic, {
        'proxy.host': gone.host,
        'proxy.port': String(gone.port),
        'max.retries': '1',
        'retry.backoff.ms': '100',
      }),
    );
    await eventually(async () => (await allDocs(engine.url, topic)).length === 1, 120000, '1 document');
    await gone.close();
    try {
      const failed = await failedTask(name, topic);
      assert.match(
        failed.trace ?? '',
        new RegExp(
          `java\\.net\\.ConnectException: Connection refused \\(connecting to the HTTP proxy 127\\.0\\.0\\.1:${gone.port} set by proxy\\.host and proxy\\.port\\)`,
        ),
      );
    } finally {
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    }
  });

  void it('kerberos.*: the real checks in validate(); valid keys → the task FAILS saying the lab runtime has no Kerberos, nothing written', async () => {
    const keytab = join(dir, 'connect.keytab');
    writeFileSync(keytab, Buffer.from([0x05, 0x02])); // a keytab file's header; its content is never read
    const notKeytab = join(dir, 'connect.txt');
    writeFileSync(notKeytab, 'not a keytab');
    const principal = 'connect@EXAMPLE.COM';
    const both = "Either both or neither 'kerberos.user.principal' and 'kerberos.keytab.path' must be set.";
    // only the principal → both keys
    assert.deepEqual(await validateErrors({ 'kerberos.user.principal': principal }), {
      'kerberos.user.principal': [both],
      'kerberos.keytab.path': [both],
    });
    // a missing file / a file not ending in .keytab → the field check on kerberos.keytab.path
    assert.deepEqual(
      await validateErrors({
        'kerberos.user.principal': principal,
        'kerberos.keytab.path': join(dir, 'none.keytab'),
      }),
      {
        'kerberos.keytab.path': [
          `Invalid value ${join(dir, 'none.keytab')} for configuration kerberos.keytab.path: The specified file does not exist.`,
        ],
      },
    );
    assert.deepEqual(
      await validateErrors({ 'kerberos.user.principal': principal, 'kerberos.keytab.path': notKeytab }),
      {
        'kerberos.keytab.path': [
          `Invalid value ${notKeytab} for configuration kerberos.keytab.path: The specified file must end with .keytab`,
        ],
      },
    );
    // with a proxy → not supported together
    const withProxy =
      'Kerberos (kerberos.user.principal, kerberos.keytab.path) is not supported with proxy settings (proxy.host).';
    assert.deepEqual(
      await validateErrors({
        'kerberos.user.principal': principal,
        'kerberos.keytab.path': keytab,
        ...proxyKeys(),
      }),
      {
        'kerberos.user.principal': [withProxy],
        'kerberos.keytab.path': [withProxy],
        'proxy.host': [withProxy],
      },
    );
    const kerberos = { 'kerberos.user.principal': principal, 'kerberos.keytab.path': keytab };
    assert.deepEqual(
      await validateErrors(kerberos),
      {},
      'valid keys pass validate() as in the real connector',
    );

    const topic = await topicWith(1);
    const name = uniqueName('es-kerberos');
    await create(name, sinkConfig(topic, kerberos));
    try {
      const failed = await failedTask(name);
      assert.match(
        failed.trace ?? '',
        /ConnectException: Kerberos authentication \(kerberos\.user\.principal=connect@EXAMPLE\.COM, kerberos\.keytab\.path=.*connect\.keytab\) is not supported by the Kafka Connect Lab runtime: .* Remove kerberos\.user\.principal and kerberos\.keytab\.path .* or run this connector on a real Kafka Connect cluster/,
      );
      assert.deepEqual(await allDocs(engine.url, topic), [], 'nothing written without Kerberos');
    } finally {
      await http(rt.url, 'DELETE', `/connectors/${name}`);
    }
  });
});
