/**
 * Elasticsearch sink, pure logic of proxy.* and kerberos.*: what the settings make of the keys
 * (the proxy only with proxy.host, port 8080 by default, credentials only when both are set), the
 * Proxy-Authorization value, the validate() messages each bad combination gets (before any
 * connection), no ping for valid Kerberos keys, and the task's start failure for them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ElasticsearchSinkTask } from '../../runtime/connectors/elasticsearch/elasticsearch-sink-task';
import { kerberosUnsupportedMessage } from '../../runtime/connectors/elasticsearch/kerberos';
import { proxyAddress, proxyAuthorization } from '../../runtime/connectors/elasticsearch/proxy-tunnel';
import { parseElasticsearchSettings } from '../../runtime/connectors/elasticsearch/settings';
import { validateElasticsearchSink } from '../../runtime/connectors/elasticsearch/validator';
import { ConnectException } from '../../runtime/data/errors';

// port 9 (discard): nothing listens; a validate() that tried to connect would report it
const BASE = { 'connection.url': 'http://127.0.0.1:9', topics: 't' };

async function errors(extra: Record<string, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const v of await validateElasticsearchSink({ ...BASE, ...extra }))
    if (v.errorMessages.length > 0) out[v.name] = v.errorMessages;
  return out;
}

void describe('Elasticsearch sink proxy settings', () => {
  void it('no proxy.host: no proxy (the other proxy keys alone change nothing)', () => {
    assert.equal(parseElasticsearchSettings({ ...BASE }).proxy, null);
    assert.equal(parseElasticsearchSettings({ ...BASE, 'proxy.port': '3128' }).proxy, null);
  });
  void it('proxy.host alone: port 8080 (the real default), no credentials', () => {
    assert.deepEqual(parseElasticsearchSettings({ ...BASE, 'proxy.host': 'squid' }).proxy, {
      host: 'squid',
      port: 8080,
      username: null,
      password: null,
    });
  });
  void it('credentials only when both proxy.username and proxy.password are set', () => {
    const half = parseElasticsearchSettings({ ...BASE, 'proxy.host': 'squid', 'proxy.username': 'u' });
    assert.equal(half.proxy?.username, null);
    const full = parseElasticsearchSettings({
      ...BASE,
      'proxy.host': 'squid',
      'proxy.port': '3128',
      'proxy.username': 'u',
      'proxy.password': 'p:w',
    }).proxy;
    assert.deepEqual(full, { host: 'squid', port: 3128, username: 'u', password: 'p:w' });
    assert.ok(full);
    assert.equal(proxyAuthorization(full), `Basic ${Buffer.from('u:p:w').toString('base64')}`);
    assert.equal(proxyAuthorization({ ...full, username: null, password: null }), null);
  });
  void it('the proxy address in messages: host:port, IPv6 in brackets, never the credentials', () => {
    const p = { host: '::1', port: 3128, username: 'u', password: 'secret' };
    assert.equal(proxyAddress(p), '[::1]:3128');
    assert.equal(proxyAddress({ ...p, host: 'squid' }), 'squid:3128');
  });
});

void describe('Elasticsearch sink proxy and Kerberos: what validate() gives each bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kcl-es-krb-unit-'));
  const keytab = join(dir, 'connect.keytab');
  writeFileSync(keytab, Buffer.from([0x05, 0x02]));
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('proxy.port out of range → the range message on proxy.port', async () => {
    assert.deepEqual(await errors({ 'proxy.host': 'squid', 'proxy.port': '0' }), {
      'proxy.port': ['Invalid value 0 for configuration proxy.port: Value must be at least 1'],
    });
    assert.deepEqual(await errors({ 'proxy.host': 'squid', 'proxy.port': '65536' }), {
      'proxy.port': ['Invalid value 65536 for configuration proxy.port: Value must be no more than 65535'],
    });
  });
  void it('proxy.password without proxy.host → on proxy.password and proxy.host', async () => {
    const msg = "'proxy.host' must be set to use 'proxy.password'.";
    assert.deepEqual(await errors({ 'proxy.password': 'p' }), {
      'proxy.password': [msg],
      'proxy.host': [msg],
    });
  });
  void it('proxy.username without proxy.password (proxy.host set) → both-or-neither on both', async () => {
    const msg = "Either both or neither 'proxy.username' and 'proxy.password' can be set.";
    assert.deepEqual(await errors({ 'proxy.host': 'squid', 'proxy.username': 'u' }), {
      'proxy.username': [msg],
      'proxy.password': [msg],
    });
  });
  void it('one Kerberos key alone → both-or-neither on both keys', async () => {
    const msg = "Either both or neither 'kerberos.user.principal' and 'kerberos.keytab.path' must be set.";
    assert.deepEqual(await errors({ 'kerberos.keytab.path': keytab }), {
      'kerberos.user.principal': [msg],
      'kerberos.keytab.path': [msg],
    });
  });
  void it('Kerberos with connection credentials → on the four keys', async () => {
    const msg =
      'Either only Kerberos (kerberos.user.principal, kerberos.keytab.path) or connection credentials (connection.username, connection.password) must be set.';
    assert.deepEqual(
      await errors({
        'kerberos.user.principal': 'c@R',
        'kerberos.keytab.path': keytab,
        'connection.username': 'u',
        'connection.password': 'p',
      }),
      {
        'kerberos.user.principal': [msg],
        'kerberos.keytab.path': [msg],
        'connection.username': [msg],
        'connection.password': [msg],
      },
    );
  });
  void it('valid Kerberos keys → no errors and no ping (the engine URL here answers nothing)', async () => {
    assert.deepEqual(await errors({ 'kerberos.user.principal': 'c@R', 'kerberos.keytab.path': keytab }), {});
    // the same URL without Kerberos is pinged, and fails
    assert.deepEqual(Object.keys(await errors({})), ['connection.url']);
  });
  void it('valid Kerberos keys → the task fails at start with the lab-runtime message', () => {
    const s = parseElasticsearchSettings({
      ...BASE,
      'kerberos.user.principal': 'connect@EXAMPLE.COM',
      'kerberos.keytab.path': keytab,
    });
    assert.deepEqual(s.kerberos, { principal: 'connect@EXAMPLE.COM', keytabPath: keytab });
    const expected = kerberosUnsupportedMessage({ principal: 'connect@EXAMPLE.COM', keytabPath: keytab });
    const task = new ElasticsearchSinkTask();
    assert.throws(
      () =>
        task.start({
          ...BASE,
          'kerberos.user.principal': 'connect@EXAMPLE.COM',
          'kerberos.keytab.path': keytab,
        }),
      (e: unknown) => e instanceof ConnectException && e.message === expected,
    );
    assert.match(
      kerberosUnsupportedMessage({ principal: 'connect@EXAMPLE.COM', keytabPath: keytab }),
      /is not supported by the Kafka Connect Lab runtime: .*Remove kerberos\.user\.principal and kerberos\.keytab\.path .*or run this connector on a real Kafka Connect cluster/,
    );
  });
});
