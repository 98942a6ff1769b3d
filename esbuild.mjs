// Bundles the three trees: the extension host (dist/extension.js), the runtime sidecar
// (dist/runtime.js, also the `lab` CLI as dist/lab.js) and one browser bundle per webview panel.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');

// Native/optional modules that pg, ssh2 and friends probe for; never bundled.
const nodeExternals = ['vscode', 'pg-native', 'cpu-features', '*.node'];

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'error' : 'info',
  // jsonc-parser's UMD build resolves './impl/format' at run time; the ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

// kafkajs 2.2.4 (its last release) groups a send's messages per partition by copying the partition's
// array for every message: quadratic in the batch size, a sixth of the runtime's CPU at 2,000-record
// source batches. The bundle gets the same grouping in linear time (same result, same order).
const kafkajsLinearGrouping = {
  name: 'kafkajs-linear-grouping',
  setup(build) {
    build.onLoad({ filter: /kafkajs[\\/]src[\\/]producer[\\/]groupMessagesPerPartition\.js$/ }, () => ({
      loader: 'js',
      contents: `module.exports = ({ topic, partitionMetadata, messages, partitioner }) => {
  const result = {};
  if (partitionMetadata.length === 0) return result;
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    (result[partition] || (result[partition] = [])).push(message);
  }
  return result;
};`,
    }));
  },
};

// kafkajs sorts a few admin responses (createTopics, deleteTopics, ...) by topic name with
// localeCompare; its first call builds an ICU collator, ~25 ms of the runtime's start-up. Topic names
// are ASCII [a-zA-Z0-9._-]; the bundle compares them by code unit (the order only picks which
// topic's error is reported first).
const kafkajsPlainTopicOrder = {
  name: 'kafkajs-plain-topic-order',
  setup(build) {
    build.onLoad(
      { filter: /kafkajs[\\/]src[\\/]protocol[\\/]requests[\\/].*[\\/]response\.js$/ },
      async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        const from = 'a.topic.localeCompare(b.topic)';
        if (!source.includes(from)) return undefined;
        return {
          loader: 'js',
          contents: source.replace(from, '(a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)'),
        };
      },
    );
  },
};

// kafkajs encodes each record through a zero-filled 512-byte Encoder and a Buffer per varint: the
// largest CPU and garbage cost of a source task. The bundle encodes the same bytes into one
// exact-size buffer (runtime/kafka/record-encoder.ts; test/unit/kafka-record-encoder.test.ts).
const kafkajsRecordEncoder = {
  name: 'kafkajs-record-encoder',
  setup(build) {
    build.onLoad(
      { filter: /kafkajs[\\/]src[\\/]protocol[\\/]recordBatch[\\/]record[\\/]v0[\\/]index\.js$/ },
      () => ({
        loader: 'js',
        resolveDir: join(process.cwd(), 'runtime', 'kafka'),
        contents: "module.exports = require('./record-encoder.ts').encodeRecordV0;",
      }),
    );
  },
};

// kafkajs hashes keys for the partitioner through 64-bit Long objects (murmur2) and checksums record
// batches one byte per lookup (CRC-32C): together a fifth of a Debezium source task's CPU. The
// bundle computes the same values in 32-bit arithmetic and eight bytes per step
// (runtime/kafka/murmur2.ts, crc32c.ts; test/unit/kafka-hashes.test.ts).
const kafkajsProduceHotPath = {
  name: 'kafkajs-produce-hot-path',
  setup(build) {
    const swap = (filter, contents) =>
      build.onLoad({ filter }, () => ({
        loader: 'js',
        resolveDir: join(process.cwd(), 'runtime', 'kafka'),
        contents,
      }));
    swap(
      /kafkajs[\\/]src[\\/]producer[\\/]partitioners[\\/]default[\\/]murmur2\.js$/,
      "module.exports = require('./murmur2.ts').murmur2;",
    );
    swap(
      /kafkajs[\\/]src[\\/]protocol[\\/]recordBatch[\\/]crc32C[\\/]crc32C\.js$/,
      "module.exports = require('./crc32c.ts').crc32c;",
    );
    // Produce requests (v3, reused by v4-v7) and the request frame in one exact-size buffer each:
    // kafkajs copies a record's bytes through ~7 growing Encoders (runtime/kafka/produce-request.ts;
    // test/unit/kafka-produce-request.test.ts)
    swap(
      /kafkajs[\\/]src[\\/]protocol[\\/]requests[\\/]produce[\\/]v3[\\/]request\.js$/,
      "module.exports = require('./produce-request.ts').produceRequestV3;",
    );
    swap(
      /kafkajs[\\/]src[\\/]protocol[\\/]request\.js$/,
      "module.exports = require('./produce-request.ts').encodeRequest;",
    );
  },
};

const webviewEntries = existsSync('webview')
  ? readdirSync('webview', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join('webview', d.name, 'main.ts')))
      .map((d) => ({ in: join('webview', d.name, 'main.ts'), out: d.name }))
  : [];

const builds = [
  esbuild.build({
    ...common,
    // extension-deferred: loaded on first use (src/deferred/load.ts), kept out of activation.
    entryPoints: { extension: 'src/extension.ts', 'extension-deferred': 'src/deferred/modules.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternals,
  }),
  esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(
      Object.entries({
        // dist/runtime.js is a small loader that runs runtime-main.js through V8's code cache.
        runtime: 'runtime/boot/runtime-entry.ts',
        'runtime-main': 'runtime/cli.ts',
        lab: 'runtime/lab/cli.ts',
      }).filter(([, f]) => existsSync(f)),
    ),
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternals,
    plugins: [kafkajsLinearGrouping, kafkajsPlainTopicOrder, kafkajsRecordEncoder, kafkajsProduceHotPath],
  }),
];
if (webviewEntries.length > 0) {
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: webviewEntries,
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
    }),
  );
}
await Promise.all(builds);
