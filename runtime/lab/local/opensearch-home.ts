import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors';
import { cacheRoot, productRoot } from '../paths';
import type { OsUser } from '../prerequisites';
import type { ProgressSink } from '../types';
import { run } from './kafka-jars';
import { traversableBy } from './postgres';

export const OPENSEARCH_VERSION = '2.19.6';
const COMPLETE_MARKER = '.complete';
const NETTY_MODULE = 'transport-netty4';
/** Where a copy of the home goes when the unprivileged user cannot reach the cache (we are root). */
export const SHARED_OPENSEARCH_ROOT = '/var/lib/kafka-connect-lab';

/**
 * The descriptor an OpenSearch distribution ships beside the module's jars; Maven serves only the
 * jars, so we write it (the plugin class is the one in transport-netty4-client).
 */
const NETTY_DESCRIPTOR = `description=Netty 4 based transport implementation
version=${OPENSEARCH_VERSION}
name=${NETTY_MODULE}
classname=org.opensearch.transport.Netty4Plugin
java.version=11
opensearch.version=${OPENSEARCH_VERSION}
extended.plugins=
has.native.controller=false
`;

/** The security-manager grants the module needs to accept and open sockets (Netty's own needs). */
const NETTY_POLICY = `grant {
  permission java.net.SocketPermission "*", "accept,connect,resolve";
  permission java.lang.RuntimePermission "accessDeclaredMembers";
  permission java.lang.reflect.ReflectPermission "suppressAccessChecks";
  permission java.lang.RuntimePermission "accessClassInPackage.sun.misc";
  permission java.util.PropertyPermission "*", "read";
};
`;

export function openSearchHomeCache(env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), `opensearch-${OPENSEARCH_VERSION}`);
}

/** True when the jars still have to be fetched (so mvn is needed). */
export function openSearchJarsNeedResolution(env: NodeJS.ProcessEnv): boolean {
  return !existsSync(join(openSearchHomeCache(env), COMPLETE_MARKER));
}

/**
 * Lays the copied jars out as an OpenSearch home: lib/ (server), modules/transport-netty4/ (the
 * HTTP + transport module with its descriptor and policy), and the empty bin/ and plugins/ the
 * node checks for.
 */
function layOutHome(jarsDir: string, home: string): void {
  const lib = join(home, 'lib');
  const netty = join(home, 'modules', NETTY_MODULE);
  for (const d of [lib, netty, join(home, 'bin'), join(home, 'plugins')]) mkdirSync(d, { recursive: true });
  for (const f of readdirSync(jarsDir)) {
    if (!f.endsWith('.jar')) continue;
    const target = /^(netty-|transport-netty4-client-)/.test(f) ? netty : lib;
    renameSync(join(jarsDir, f), join(target, f));
  }
  writeFileSync(join(netty, 'plugin-descriptor.properties'), NETTY_DESCRIPTOR);
  writeFileSync(join(netty, 'plugin-security.policy'), NETTY_POLICY);
}

/**
 * The OpenSearch home in the cache, filled once by `mvn dependency:copy-dependencies` on
 * lab-deps/opensearch/pom.xml into a temp folder renamed into place (an interrupted download is
 * redone, never half-used).
 */
export async function resolveOpenSearchHome(
  env: NodeJS.ProcessEnv,
  mvn: string | undefined,
  progress: ProgressSink,
): Promise<string> {
  const home = openSearchHomeCache(env);
  if (existsSync(join(home, COMPLETE_MARKER))) return home;
  if (!mvn) {
    throw new LabError(
      'MISSING_PREREQUISITE',
      'mvn is needed to download the OpenSearch jars.',
      'apt-get install -y maven',
    );
  }
  const pom = join(productRoot(), 'lab-deps', 'opensearch', 'pom.xml');
  progress(`search: resolving OpenSearch ${OPENSEARCH_VERSION} jars with Maven into ${home} (once)`);
  const tmp = `${home}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const jars = join(tmp, 'jars');
  mkdirSync(jars, { recursive: true });
  const { code, output } = await run(
    mvn,
    ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${jars}`],
    tmp,
  );
  if (code !== 0 || !existsSync(join(jars, `opensearch-${OPENSEARCH_VERSION}.jar`))) {
    rmSync(tmp, { recursive: true, force: true });
    const tail = output.trim().split('\n').slice(-15).join('\n');
    throw new LabError(
      'JAR_RESOLUTION_FAILED',
      `Maven could not resolve the OpenSearch ${OPENSEARCH_VERSION} jars (exit ${code}):\n${tail}`,
      `Check network access to Maven Central, then run: mvn -B -f ${pom} dependency:copy-dependencies`,
    );
  }
  layOutHome(jars, tmp);
  rmSync(jars, { recursive: true, force: true });
  writeFileSync(join(tmp, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  rmSync(home, { recursive: true, force: true });
  renameSync(tmp, home);
  return home;
}

/**
 * OpenSearch refuses to run as root, so then it runs as `user`, who must read the home: when the
 * cache is not reachable for it (under /root), a copy goes to /var/lib/kafka-connect-lab once.
 */
export function homeReadableBy(home: string, user: OsUser | undefined): string {
  if (!user || traversableBy(home, user)) return home;
  const shared = join(SHARED_OPENSEARCH_ROOT, `opensearch-${OPENSEARCH_VERSION}`);
  if (existsSync(join(shared, COMPLETE_MARKER))) return shared;
  mkdirSync(SHARED_OPENSEARCH_ROOT, { recursive: true, mode: 0o755 });
  const tmp = `${shared}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(home, tmp, { recursive: true });
  rmSync(shared, { recursive: true, force: true });
  renameSync(tmp, shared);
  return shared;
}
