/**
 * The Docker and external providers' pure logic: where the engine is looked for, API version
 * comparison, compose names and labels, the container specs (127.0.0.1 only, the images' variable
 * contracts), Docker's multiplexed log frames, and the external addresses' validation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apiAtLeast, defaultSockets, engineOptions } from '../../runtime/lab/docker/engine';
import {
  containerLabels,
  containerName,
  DEFAULT_PROJECT,
  networkName,
  projectName,
  volumeName,
} from '../../runtime/lab/docker/project';
import { containerSpec, demuxLogs } from '../../runtime/lab/docker/services';
import { externalState } from '../../runtime/lab/external/provider';
import { LabError } from '../../runtime/lab/errors';

const home = mkdtempSync(join(tmpdir(), 'kcl-unit-docker-'));
after(() => rmSync(home, { recursive: true, force: true }));

void describe('docker engine discovery', () => {
  void it('DOCKER_HOST unix:// and tcp:// (TLS with DOCKER_TLS_VERIFY and the cert dir)', () => {
    assert.deepEqual(engineOptions({ DOCKER_HOST: 'unix:///run/x.sock' }), {
      options: { socketPath: '/run/x.sock' },
      address: '/run/x.sock',
    });
    assert.deepEqual(engineOptions({ DOCKER_HOST: 'tcp://10.0.0.5:2375', HOME: home }), {
      options: { host: '10.0.0.5', port: 2375, protocol: 'http' },
      address: 'tcp://10.0.0.5:2375',
    });
    writeFileSync(join(home, 'ca.pem'), 'CA');
    const tls = engineOptions({
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: home,
    });
    assert.equal(tls.options.protocol, 'https');
    assert.equal(tls.options.ca?.toString(), 'CA');
    assert.equal(tls.address, 'https://h:2376');
    assert.throws(
      () => engineOptions({ DOCKER_HOST: 'ssh://me@box' }),
      (e: unknown) =>
        e instanceof LabError && e.code === 'ENGINE_NOT_REACHABLE' && /ssh:\/\/me@box/.test(e.message),
    );
  });

  void it('without DOCKER_HOST: Docker, Docker Desktop, Rancher, Colima, then podman sockets', () => {
    const socks = defaultSockets({ HOME: '/home/u', XDG_RUNTIME_DIR: '/run/user/7' });
    assert.deepEqual(socks, [
      '/var/run/docker.sock',
      '/home/u/.docker/run/docker.sock',
      '/home/u/.docker/desktop/docker.sock',
      '/home/u/.rd/docker.sock',
      '/home/u/.colima/default/docker.sock',
      '/run/user/7/podman/podman.sock',
      '/run/podman/podman.sock',
      '/run/lab-podman.sock',
    ]);
  });

  void it('compares API versions numerically', () => {
    assert.equal(apiAtLeast('1.41', '1.41'), true);
    assert.equal(apiAtLeast('1.43', '1.41'), true);
    assert.equal(apiAtLeast('1.9', '1.41'), false);
    assert.equal(apiAtLeast('1.40', '1.41'), false);
    assert.equal(apiAtLeast('2.0', '1.41'), true);
  });
});

void describe('docker compose project', () => {
  void it('default state dir → kafka-connect-lab; other dirs get their own project', () => {
    const env = { KCL_STATE_DIR: '/home/u/.local/state/kafka-connect-lab/default' };
    assert.equal(projectName('/home/u/.local/state/kafka-connect-lab/default', env), DEFAULT_PROJECT);
    const other = projectName('/tmp/a', env);
    assert.match(other, /^kafka-connect-lab-[0-9a-f]{8}$/);
    assert.notEqual(other, projectName('/tmp/b', env));
    assert.equal(projectName('/tmp/a', { ...env, KCL_DOCKER_PROJECT: 'mine' }), 'mine');
    assert.equal(containerName('p', 'kafka'), 'p-kafka-1');
    assert.equal(networkName('p'), 'p_default');
    assert.equal(volumeName('p', 'postgres'), 'p_postgres-data');
  });

  void it('containers carry the compose labels Docker Desktop groups by, and our state dir', () => {
    const l = containerLabels('p', '/tmp/s', 'kafka', 'apache/kafka:4.4.0', 'h');
    assert.equal(l['com.docker.compose.project'], 'p');
    assert.equal(l['com.docker.compose.service'], 'kafka');
    assert.equal(l['com.docker.compose.container-number'], '1');
    assert.equal(l['com.docker.compose.oneoff'], 'False');
    assert.equal(l['com.docker.compose.config-hash'], 'h');
    assert.equal(l['dev.kafka-connect-lab.state-dir'], '/tmp/s');
  });
});

void describe('docker container specs', () => {
  const base = { project: 'p', stateDir: '/tmp/s', image: 'img', hostPort: 45000, clusterId: 'abc' };

  void it('Kafka: KRaft through KAFKA_* variables, advertised on the published 127.0.0.1 port', () => {
    const spec = containerSpec({ ...base, service: 'kafka' });
    assert.deepEqual(spec.HostConfig?.PortBindings, {
      '9092/tcp': [{ HostIp: '127.0.0.1', HostPort: '45000' }],
    });
    const env = new Map(
      (spec.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    );
    assert.equal(env.get('KAFKA_PROCESS_ROLES'), 'broker,controller');
    assert.equal(env.get('KAFKA_ADVERTISED_LISTENERS'), 'PLAINTEXT://kafka:19092,HOST://127.0.0.1:45000');
    assert.equal(env.get('CLUSTER_ID'), 'abc');
    assert.equal(env.get('KAFKA_LOG_DIRS'), '/var/lib/kafka/data');
    assert.deepEqual(spec.HostConfig?.Mounts, [
      { Type: 'volume', Source: 'p_kafka-data', Target: '/var/lib/kafka/data' },
    ]);
  });

  void it('PostgreSQL: POSTGRES_* variables and -c arguments for logical replication', () => {
    const spec = containerSpec({ ...base, service: 'postgres' });
    assert.deepEqual(spec.Cmd, [
      'postgres',
      '-c',
      'wal_level=logical',
      '-c',
      'max_replication_slots=20',
      '-c',
      'max_wal_senders=20',
    ]);
    assert.ok(spec.Env?.includes('POSTGRES_PASSWORD=postgres'));
    assert.deepEqual(spec.HostConfig?.PortBindings, {
      '5432/tcp': [{ HostIp: '127.0.0.1', HostPort: '45000' }],
    });
  });

  void it('the config hash changes with the image or the port, not otherwise', () => {
    const hash = (o: Partial<typeof base>): string | undefined =>
      containerSpec({ ...base, ...o, service: 'kafka' }).Labels?.['com.docker.compose.config-hash'];
    assert.equal(hash({}), hash({}));
    assert.notEqual(hash({}), hash({ image: 'other' }));
    assert.notEqual(hash({}), hash({ hostPort: 45001 }));
  });

  void it('demultiplexes Docker log frames; plain text passes through', () => {
    const frame = (stream: number, text: string): Buffer => {
      const head = Buffer.alloc(8);
      head[0] = stream;
      head.writeUInt32BE(Buffer.byteLength(text), 4);
      return Buffer.concat([head, Buffer.from(text)]);
    };
    assert.equal(
      demuxLogs(Buffer.concat([frame(1, 'out line\n'), frame(2, 'err line\n')])),
      'out line\nerr line\n',
    );
    assert.equal(demuxLogs(Buffer.from('plain\n')), 'plain\n');
  });
});

void describe('external cluster addresses', () => {
  void it('normalises, and takes credentials out of a Connect URL', () => {
    assert.deepEqual(
      externalState(
        { bootstrapServers: ' b1:9092, b2:9093 ', connectUrls: ['http://admin:s%40cret@c:8083/'] },
        {},
      ),
      {
        bootstrapServers: 'b1:9092,b2:9093',
        connectUrls: ['http://c:8083'],
        postgresUrl: null,
        connectAuth: { username: 'admin', password: 's@cret' },
      },
    );
    assert.deepEqual(
      externalState({ bootstrapServers: 'b:1', connectUsername: 'u' }, { KCL_CONNECT_PASSWORD: 'p' })
        .connectAuth,
      { username: 'u', password: 'p' },
    );
  });

  void it('rejects what cannot be an address', () => {
    const bad = (o: Parameters<typeof externalState>[0], re: RegExp): void =>
      assert.throws(
        () => externalState(o, {}),
        (e: unknown) => e instanceof LabError && e.code === 'EXTERNAL_UNREACHABLE' && re.test(e.message),
      );
    bad({ bootstrapServers: '' }, /needs the Kafka bootstrap servers/);
    bad({ bootstrapServers: 'localhost' }, /"localhost" is not a host:port/);
    bad({ bootstrapServers: 'h:1', connectUrls: ['not a url'] }, /is not a Connect REST URL/);
    bad({ bootstrapServers: 'h:1', postgresUrl: 'mysql://x' }, /is not a postgres:\/\/ URL/);
  });
});
