/** The workspace the extension tests open: connector files with unique names, settings, a manifest. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestManifest } from './helpers';

export function prepareWorkspace(
  dir: string,
  connectUrl: string,
  suffix: string,
  unreachableUrl: string,
): TestManifest {
  const connectors = join(dir, 'connectors');
  const data = join(dir, 'data');
  mkdirSync(connectors, { recursive: true });
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  mkdirSync(data, { recursive: true });
  const clusterName = 'test-connect';
  const topic = `kcl-ext-${suffix}`;
  const sourceName = `kcl-ext-source-${suffix}`;
  const sinkName = `kcl-ext-sink-${suffix}`;
  const sourceInput = join(data, 'input.txt');
  const sinkOutput = join(data, 'sink-out');
  writeFileSync(sourceInput, '');
  // A directory where the sink expects a file: its task fails until the test removes it.
  mkdirSync(sinkOutput, { recursive: true });
  const files = {
    source: join(connectors, 'file-source.connector.json'),
    sink: join(connectors, 'file-sink.connector.json'),
    malformed: join(connectors, 'malformed.json'),
    noClass: join(connectors, 'no-class.json'),
    noTopic: join(connectors, 'no-topic.connector.json'),
    secret: join(connectors, 'with-secret.connector.json'),
  };
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  // The lesson's "Files: FileStream" connector pair, in the two shapes Connect accepts.
  writeFileSync(
    files.source,
    json({
      name: sourceName,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        'tasks.max': '1',
        file: sourceInput,
        topic,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      },
    }),
  );
  writeFileSync(
    files.sink,
    json({
      name: sinkName,
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      topics: topic,
      file: sinkOutput,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'consumer.override.auto.offset.reset': 'earliest',
    }),
  );
  writeFileSync(files.malformed, '{ "name": "broken", "config": { "connector.class": "x", }\n');
  writeFileSync(
    files.noClass,
    json({ name: `kcl-ext-noclass-${suffix}`, config: { 'tasks.max': '1', topic } }),
  );
  writeFileSync(
    files.noTopic,
    json({
      name: `kcl-ext-notopic-${suffix}`,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        file: sourceInput,
      },
    }),
  );
  writeFileSync(
    files.secret,
    json({
      name: `kcl-ext-secret-${suffix}`,
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        file: join(data, 'secret-input.txt'),
        topic: `${topic}-secret`,
        'connection.password': `\${secret:kcl.test.${suffix}}`,
      },
    }),
  );
  writeFileSync(
    join(dir, '.vscode', 'settings.json'),
    json({
      'kafkaConnectLab.clusters': [{ name: clusterName, url: connectUrl }],
      'kafkaConnectLab.defaultCluster': clusterName,
      'kafkaConnectLab.refreshIntervalSeconds': 2,
    }),
  );
  const manifest: TestManifest = {
    clusterName,
    connectUrl,
    unreachableUrl,
    suffix,
    topic,
    sourceName,
    sinkName,
    sourceInput,
    sinkOutput,
    files,
  };
  writeFileSync(join(dir, '.kcl-test.json'), json(manifest));
  return manifest;
}

/**
 * For @vscode/test-cli (.vscode-test.mjs) on machines that can download VS Code:
 *   KCL_EXT_CONNECT_URL=http://127.0.0.1:8083 node --import tsx test/extension/workspace.ts
 * writes the workspace to .vscode-test/workspace; then `npx tsx test/extension/build.ts && npx vscode-test`.
 */
if (require.main === module) {
  const url = process.env.KCL_EXT_CONNECT_URL;
  if (!url) {
    process.stderr.write('set KCL_EXT_CONNECT_URL to the REST URL of a running Connect cluster\n');
    process.exit(2);
  }
  const dir = join(__dirname, '..', '..', '.vscode-test', 'workspace');
  const m = prepareWorkspace(dir, url, Math.random().toString(16).slice(2, 10), 'http://127.0.0.1:59998');
  process.stdout.write(`${dir} (connectors ${m.sourceName}, ${m.sinkName})\n`);
}
