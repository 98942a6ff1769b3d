/**
 * The real Debezium 3.6.1.Final PostgreSQL connector as a plugin directory for the real Connect
 * 4.4.0 worker (test/support/real-connect.ts, option pluginPath). Jars come from Maven Central
 * through lab-deps/debezium/pom.xml, resolved once into ~/.cache/kafka-connect-lab.
 *
 * Debezium 3.6.1 still calls org.apache.kafka.common.utils.Sanitizer, which Kafka 4.4 removed, so a
 * task fails with NoClassDefFoundError on a 4.4 worker. The plugin directory therefore also gets a
 * one-class jar holding Sanitizer from kafka-clients 4.3.1 (Maven Central), loaded by the plugin's
 * own class loader only.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REAL_DEBEZIUM_VERSION = '3.6.1.Final';
const POM_DIR = resolve(__dirname, '..', '..', 'lab-deps', 'debezium');
const SANITIZER_FROM = 'org.apache.kafka:kafka-clients:4.3.1';

/** Returns the directory to put on plugin.path (it holds one plugin folder, `debezium-postgres/`). */
export async function resolveDebeziumPluginPath(): Promise<string> {
  const root =
    process.env.KCL_REAL_DEBEZIUM_PLUGIN_PATH ??
    join(homedir(), '.cache', 'kafka-connect-lab', `debezium-${REAL_DEBEZIUM_VERSION}-plugin`);
  const marker = join(root, '.resolved');
  if (existsSync(marker)) return root;
  const plugin = join(root, 'debezium-postgres');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(plugin, { recursive: true });
  const mvn = (args: string[], cwd: string): Promise<unknown> =>
    execFileAsync('mvn', ['-q', '-B', ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  await mvn(['dependency:copy-dependencies', `-DoutputDirectory=${plugin}`], POM_DIR);
  if (!readdirSync(plugin).some((f) => f.startsWith('debezium-connector-postgres-'))) {
    throw new Error(`mvn did not produce debezium-connector-postgres in ${plugin}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'kcl-sanitizer-'));
  try {
    await mvn(['dependency:copy', `-Dartifact=${SANITIZER_FROM}`, `-DoutputDirectory=${work}`], POM_DIR);
    const jar = readdirSync(work).find((f) => f.startsWith('kafka-clients-') && f.endsWith('.jar'));
    if (!jar) throw new Error(`mvn did not produce ${SANITIZER_FROM} in ${work}`);
    const classes = join(work, 'classes');
    mkdirSync(classes);
    // `jar` (JDK) rather than unzip: the JDK is a prerequisite of the compatibility tests anyway.
    await execFileAsync('jar', ['xf', join(work, jar), 'org/apache/kafka/common/utils/Sanitizer.class'], {
      cwd: classes,
    });
    await execFileAsync('jar', ['cf', join(plugin, 'kafka-sanitizer-shim.jar'), '-C', classes, 'org']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(marker, new Date().toISOString());
  return root;
}
