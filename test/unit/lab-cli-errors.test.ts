/**
 * Bad input to the `lab` CLI, as a user meets it: one clear message, exit code ≠ 0, nothing
 * started and nothing deleted. None of these cases gets as far as starting a service.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findJava, findPostgresBinDir } from '../../runtime/lab/prerequisites';
import { STATE_FILE } from '../../runtime/lab/state-dir';
import { runLab } from '../support/lab-cli';
import type { LabRun } from '../support/lab-cli';

const root = mkdtempSync(join(tmpdir(), 'kcl-unit-cli-'));
let n = 0;
const fresh = (): string => join(root, `case${n++}`);

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['KCL_STATE_DIR', 'JAVA_HOME', 'KAFKA_HOME', 'KCL_POSTGRES_LIB_ROOT', 'KCL_CACHE_DIR'])
    delete env[k];
  // These cases are about the local provider, also on machines where a Docker engine answers.
  env.KCL_LAB_PROVIDER = 'local';
  return env;
}

const lab = (args: string[], env: NodeJS.ProcessEnv = baseEnv()): LabRun => runLab(args, env, 60000);

/** A bin dir holding only the named tools (symlinks to the real ones). */
function binWith(tools: Record<string, string | undefined>): string {
  const dir = fresh();
  mkdirSync(dir);
  for (const [name, target] of Object.entries(tools)) if (target) symlinkSync(target, join(dir, name));
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

void describe('lab CLI bad input', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  void it('unknown command: usage error, exit 2', () => {
    const r = lab(['start']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown command "start"/);
    assert.match(r.stderr, /Next step: Run `lab help`/);
    assert.equal(r.stdout, '');
  });

  void it('unknown provider: usage error, exit 2', () => {
    const r = lab(['up', '--provider', 'kubernetes', '--state-dir', fresh()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown provider "kubernetes"\. Providers: local, docker, external/);
  });

  void it('--provider docker without an engine: says how to start one, creates nothing', () => {
    const dir = fresh();
    const r = lab(['up', '--provider', 'docker', '--state-dir', dir], {
      ...baseEnv(),
      DOCKER_HOST: `unix://${join(root, 'no-engine.sock')}`,
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No Docker engine answers at .*no-engine\.sock/);
    assert.match(r.stderr, /Next step: Start Docker .*or use --provider local/);
    assert.equal(existsSync(dir), false);
  });

  void it('--provider external without addresses, or with a bad one: clear error, creates nothing', () => {
    const dir = fresh();
    let r = lab(['up', '--provider', 'external', '--state-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /The external provider needs the cluster's addresses/);
    assert.match(r.stderr, /Next step: Pass --bootstrap-servers host:port/);
    r = lab(['up', '--bootstrap-servers', 'no-port-here', '--state-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /"no-port-here" is not a host:port bootstrap server/);
    r = lab(['up', '--bootstrap-servers', 'h:9092', '--connect-url', 'ftp://x', '--state-dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /"ftp:\/\/x" is not an http\(s\) URL/);
    assert.equal(existsSync(dir), false);
  });

  void it('KCL_LAB_PROVIDER with an unknown name: usage error, creates nothing', () => {
    const dir = fresh();
    const r = lab(['up', '--state-dir', dir], { ...baseEnv(), KCL_LAB_PROVIDER: 'k8s' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /KCL_LAB_PROVIDER=k8s is not a provider/);
    assert.equal(existsSync(dir), false);
  });

  void it('foreign state dir: refused by up and by down --purge, nothing deleted', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'years of work');
    for (const args of [
      ['up', '--detach'],
      ['down', '--purge'],
      ['status', '--json'],
    ]) {
      const r = lab([...args, '--state-dir', dir]);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, /is not a kafka-connect-lab state dir \(it has files but no lab-state\.json\)/);
    }
    assert.deepEqual(snapshot(dir), { 'thesis.tex': 'years of work' });
  });

  void it('corrupted state file: refused, nothing deleted', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, STATE_FILE), '{"product":"kafka-connect-lab","version":1,');
    for (const args of [
      ['up', '--detach'],
      ['down', '--purge'],
    ]) {
      const r = lab([...args, '--state-dir', dir]);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, /cannot be used \(not valid JSON\); nothing was changed or deleted/);
    }
    assert.deepEqual(snapshot(dir), { [STATE_FILE]: '{"product":"kafka-connect-lab","version":1,' });
  });

  void it('missing java: names it and the command that installs it', () => {
    const dir = fresh();
    const env = { ...baseEnv(), PATH: binWith({}) };
    const r = lab(['up', '--detach', '--state-dir', dir], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Missing prerequisites?: java/);
    assert.match(r.stderr, /apt-get install -y openjdk-17-jre-headless/);
    assert.equal(existsSync(dir), false, 'nothing created');
  });

  void it('missing PostgreSQL and Maven (jars not cached): both named with their packages, java not', (t) => {
    const java = findJava(baseEnv());
    if (!java) return t.skip('no java on this machine to keep in PATH');
    const dir = fresh();
    const env = {
      ...baseEnv(),
      PATH: binWith({ java }),
      KCL_POSTGRES_LIB_ROOT: join(root, 'no-postgresql-here'),
      KCL_CACHE_DIR: fresh(),
    };
    const r = lab(['up', '--detach', '--state-dir', dir], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /mvn \(Maven/);
    assert.match(r.stderr, /PostgreSQL server binaries/);
    assert.match(r.stderr, /apt-get install -y maven && apt-get install -y postgresql/);
    assert.doesNotMatch(r.stderr, /openjdk/);
    assert.equal(existsSync(dir), false, 'nothing created');
  });

  void it('KAFKA_HOME without Kafka jars: refused before anything starts', (t) => {
    if (!findJava(baseEnv()) || !findPostgresBinDir(baseEnv())) {
      return t.skip('needs java and PostgreSQL installed to get past the prerequisite check');
    }
    const dir = fresh();
    const home = fresh();
    mkdirSync(join(home, 'libs'), { recursive: true });
    const r = lab(['up', '--detach', '--state-dir', dir], { ...baseEnv(), KAFKA_HOME: home });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /KAFKA_HOME is set to .* has no kafka_2\.13-\*\.jar/);
    assert.equal(existsSync(dir), false, 'nothing created');
  });

  void it('a remembered port taken by someone else: PORT_IN_USE, state kept, nothing started', async (t) => {
    if (!findJava(baseEnv()) || !findPostgresBinDir(baseEnv())) {
      return t.skip('needs java and PostgreSQL installed to get past the prerequisite check');
    }
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const addr = server.address();
    const taken = typeof addr === 'object' && addr ? addr.port : 0;
    try {
      const dir = fresh();
      mkdirSync(dir);
      const state = {
        product: 'kafka-connect-lab',
        version: 1,
        provider: 'local',
        createdAt: new Date().toISOString(),
        ports: { kafka: taken, controller: 1, postgres: 2, connect: 3 },
        kafka: { clusterId: 'AAAAAAAAAAAAAAAAAAAAAA' },
        postgres: { dir: join(dir, 'postgres') },
        connect: { url: null },
        processes: {},
      };
      writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
      const before = snapshot(dir);
      const r = lab(['up', '--detach', '--state-dir', dir]);
      assert.equal(r.code, 1);
      assert.match(
        r.stderr,
        new RegExp(`Port ${taken} on 127\\.0\\.0\\.1, remembered for Kafka .* is taken by another process`),
      );
      assert.match(r.stderr, new RegExp(`ss -ltnp 'sport = :${taken}'`));
      assert.deepEqual(snapshot(dir), before);
    } finally {
      server.close();
    }
  });
});
