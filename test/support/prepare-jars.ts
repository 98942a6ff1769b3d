/**
 * Resolves (once) every Maven-served jar set the compatibility tests use, through the same functions
 * the tests call, so `.ci/setup` pays the downloads up front and a fresh machine needs no dev caches.
 * Run: node --import tsx test/support/prepare-jars.ts
 */
import { findMaven } from '../../runtime/lab/prerequisites';
import { resolveOpenSearchHome } from '../../runtime/lab/local/opensearch-home';
import { resolveHarnessJars } from './java-harness';
import { resolveConnectJars } from './real-connect';
import { resolveDebeziumPluginPath } from './real-debezium';

async function main(): Promise<void> {
  const steps: [string, () => Promise<string>][] = [
    ['real Connect 4.4.0 worker', resolveConnectJars],
    ['Connect jars for the Java harnesses', resolveHarnessJars],
    ['real Debezium 3.6.1 plugin', resolveDebeziumPluginPath],
    [
      'OpenSearch 2.19.6 node (search engine of the Elasticsearch sink tests)',
      () =>
        resolveOpenSearchHome(process.env, findMaven(process.env), (l) =>
          process.stderr.write(`[prepare-jars] ${l}\n`),
        ),
    ],
  ];
  for (const [what, step] of steps) {
    const started = Date.now();
    const dir = await step();
    process.stderr.write(`[prepare-jars] ${what}: ${dir} (${Date.now() - started} ms)\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[prepare-jars] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
