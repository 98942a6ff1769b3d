/**
 * The search engine's pure lab logic: the Docker container spec per image contract (Elasticsearch
 * or OpenSearch; 127.0.0.1 only, single node, security off, `elasticsearch` on the project
 * network), the `--search-image` flag, and the lab host names that decide whether `up` restarts
 * the runtime.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabArgs } from '../../runtime/lab/cli-args';
import { isLabError } from '../../runtime/lab/errors';
import { DEFAULT_SEARCH_IMAGE, searchContract } from '../../runtime/lab/docker/search-image';
import { containerSpec } from '../../runtime/lab/docker/services';
import { describeHostChange, labHostsOf } from '../../runtime/lab/local/connect-up';
import { labHostsEnv } from '../../runtime/net/lab-hosts';

const base = { project: 'p', stateDir: '/tmp/s', hostPort: 45001, clusterId: 'abc' };

void describe('docker search container', () => {
  void it('default image: Elasticsearch 7.17 variables, data volume, 9200 on 127.0.0.1 only, alias elasticsearch', () => {
    assert.equal(DEFAULT_SEARCH_IMAGE, 'docker.elastic.co/elasticsearch/elasticsearch:7.17.28');
    const spec = containerSpec({ ...base, service: 'search', image: DEFAULT_SEARCH_IMAGE });
    assert.equal(spec.name, 'p-search-1');
    assert.deepEqual(spec.HostConfig?.PortBindings, {
      '9200/tcp': [{ HostIp: '127.0.0.1', HostPort: '45001' }],
    });
    assert.deepEqual(spec.Env, [
      'discovery.type=single-node',
      'cluster.name=kafka-connect-lab',
      'node.name=lab-search',
      'cluster.routing.allocation.disk.threshold_enabled=false',
      'xpack.security.enabled=false',
      'ES_JAVA_OPTS=-Xms512m -Xmx512m',
    ]);
    assert.deepEqual(spec.HostConfig?.Mounts, [
      { Type: 'volume', Source: 'p_search-data', Target: '/usr/share/elasticsearch/data' },
    ]);
    assert.equal(spec.Hostname, 'elasticsearch');
    assert.deepEqual(spec.NetworkingConfig?.EndpointsConfig?.p_default?.Aliases, ['elasticsearch']);
    assert.equal(spec.Labels?.['com.docker.compose.service'], 'search');
  });

  void it('an OpenSearch image gets OpenSearch variables (security plugin off) and data dir', () => {
    for (const image of [
      'opensearchproject/opensearch:2.19.1',
      'registry.local:5000/opensearchproject/opensearch',
    ]) {
      const c = searchContract(image);
      assert.equal(c.kind, 'opensearch', image);
      assert.ok(c.env.includes('DISABLE_SECURITY_PLUGIN=true'));
      assert.ok(c.env.includes('discovery.type=single-node'));
      assert.ok(!c.env.some((e) => e.startsWith('xpack.')));
      assert.equal(c.dataDir, '/usr/share/opensearch/data');
    }
    // A tag or registry port that mentions opensearch does not make an Elasticsearch image one.
    assert.equal(searchContract('elasticsearch:7.17.28-opensearch').kind, 'elasticsearch');
  });

  void it('changing the image changes the config hash (the container is replaced, its volume kept)', () => {
    const hash = (image: string): string | undefined =>
      containerSpec({ ...base, service: 'search', image }).Labels?.['com.docker.compose.config-hash'];
    assert.notEqual(hash(DEFAULT_SEARCH_IMAGE), hash('opensearchproject/opensearch:2.19.1'));
    assert.equal(hash(DEFAULT_SEARCH_IMAGE), hash(DEFAULT_SEARCH_IMAGE));
  });
});

void describe('lab up --search-image', () => {
  void it('is taken with --search, refused without it or with another provider', () => {
    assert.deepEqual(
      parseLabArgs(['up', '--search', '--search-image', 'opensearchproject/opensearch:2.19.1']),
      {
        command: 'up',
        detach: false,
        connect: true,
        search: true,
        json: false,
        searchImage: 'opensearchproject/opensearch:2.19.1',
      },
    );
    const refused = (argv: string[], message: RegExp): void => {
      try {
        parseLabArgs(argv);
      } catch (e) {
        assert.ok(isLabError(e));
        assert.equal(e.code, 'USAGE');
        assert.match(e.message, message);
        return;
      }
      assert.fail(`accepted ${argv.join(' ')}`);
    };
    refused(['up', '--search-image', 'x'], /--search-image chooses the image of --search: give both/);
    refused(
      ['up', '--provider', 'local', '--search', '--search-image', 'x'],
      /--kafka-image, --postgres-image and --search-image are options of --provider docker/,
    );
  });
});

void describe("the runtime's lab host names", () => {
  void it('elasticsearch only once the lab has a search port', () => {
    assert.deepEqual(Object.keys(labHostsOf({ postgres: 1, kafka: 2 })), ['postgres', 'kafka']);
    assert.deepEqual(labHostsOf({ postgres: 1, kafka: 2, search: 3 }).elasticsearch, {
      host: '127.0.0.1',
      port: 3,
    });
  });

  void it('describes what a restart changes', () => {
    const before = labHostsEnv(labHostsOf({ postgres: 1, kafka: 2 })).KCL_LAB_HOSTS;
    const after = labHostsEnv(labHostsOf({ postgres: 1, kafka: 2, search: 3 })).KCL_LAB_HOSTS ?? '';
    assert.equal(describeHostChange(before, after), 'elasticsearch → 127.0.0.1:3');
    assert.equal(describeHostChange(after, before ?? ''), 'elasticsearch no longer mapped');
    // A runtime from an older lab whose environment could not be read: every name is new.
    assert.equal(
      describeHostChange(undefined, after),
      'postgres → 127.0.0.1:1, kafka → 127.0.0.1:2, elasticsearch → 127.0.0.1:3',
    );
  });
});
