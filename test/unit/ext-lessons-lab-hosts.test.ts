import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientConfig } from '../../runtime/connectors/postgres/connection';
import { LabHostResolver, labHostsEnv, parseLabHosts, LAB_HOSTS_ENV } from '../../runtime/net/lab-hosts';

function resolver(): { r: LabHostResolver; lines: string[] } {
  const lines: string[] = [];
  const hosts = parseLabHosts(
    labHostsEnv({
      postgres: { host: '127.0.0.1', port: 54012 },
      kafka: { host: '127.0.0.1', port: 39092 },
      elasticsearch: { host: '127.0.0.1', port: 49200 },
    })[LAB_HOSTS_ENV],
  );
  return { r: new LabHostResolver(hosts, (l) => lines.push(l)), lines };
}

void describe('lab host aliases (runtime/net/lab-hosts)', () => {
  void it('maps the lesson host "postgres" to the lab PostgreSQL and logs it once', () => {
    const { r, lines } = resolver();
    assert.deepEqual(r.endpoint('postgres', 5432), { host: '127.0.0.1', port: 54012 });
    assert.deepEqual(r.endpoint('postgres', 5432), { host: '127.0.0.1', port: 54012 });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /lab alias applied: postgres:5432 -> 127\.0\.0\.1:54012/);
    assert.match(lines[0], /real Kafka Connect would use DNS/);
  });

  void it('leaves other hosts alone', () => {
    const { r, lines } = resolver();
    assert.deepEqual(r.endpoint('db.example.com', 5432), { host: 'db.example.com', port: 5432 });
    assert.deepEqual(r.endpoint('localhost', 5433), { host: 'localhost', port: 5433 });
    assert.equal(r.url('http://search.internal:9200'), 'http://search.internal:9200');
    assert.equal(lines.length, 0);
  });

  void it('rewrites the Elasticsearch sink URL and keeps its form', () => {
    const { r } = resolver();
    assert.equal(r.url('http://elasticsearch:9200'), 'http://127.0.0.1:49200');
    assert.equal(r.url('http://elasticsearch:9200/'), 'http://127.0.0.1:49200/');
    assert.equal(r.url('https://ELASTICSEARCH:9200/x'), 'https://127.0.0.1:49200/x');
    assert.equal(r.url('not a url'), 'not a url');
  });

  void it('rewrites a bootstrap list entry by entry', () => {
    const { r } = resolver();
    assert.equal(r.bootstrap('kafka:9092, other:9093'), '127.0.0.1:39092,other:9093');
  });

  void it('is inactive without KCL_LAB_HOSTS or with malformed values', () => {
    assert.deepEqual(parseLabHosts(undefined), {});
    assert.deepEqual(parseLabHosts('{nope'), {});
    assert.deepEqual(parseLabHosts('{"postgres":"127.0.0.1"}'), {});
    assert.deepEqual(parseLabHosts('{"postgres":"127.0.0.1:99999"}'), {});
    const r = new LabHostResolver({}, () => assert.fail('no log expected'));
    assert.equal(r.active, false);
    assert.deepEqual(r.endpoint('postgres', 5432), { host: 'postgres', port: 5432 });
  });

  void it('pg connections of the connectors go through the resolver (no alias outside the lab)', () => {
    // This test process has no KCL_LAB_HOSTS: the configured host is used as written.
    const prev = process.env[LAB_HOSTS_ENV];
    assert.equal(prev, undefined, 'run without KCL_LAB_HOSTS');
    const cfg = clientConfig({ host: 'postgres', port: 5432, database: 'mydb', user: 'u', password: 'p' });
    assert.equal(cfg.host, 'postgres');
    assert.equal(cfg.port, 5432);
  });
});
