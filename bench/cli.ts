/**
 * `npm run --silent bench -- <name> [args]`: runs bench/<name>.ts and prints its result as one
 * JSON object on stdout (progress goes to stderr). A benchmark is a file here exporting
 * `run(args: string[]): Promise<object>`; `bench list` shows them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Benchmark {
  run(args: string[]): Promise<object>;
}

function available(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'cli.ts' && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (name === undefined || name === 'list' || name === '--help') {
    process.stderr.write(
      `usage: npm run --silent bench -- <name> [args]\nbenchmarks: ${available().join(', ')}\n`,
    );
    return name === undefined ? 2 : 0;
  }
  const file = join(__dirname, `${name}.ts`);
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
    process.stderr.write(`bench: unknown benchmark "${name}"; benchmarks: ${available().join(', ')}\n`);
    return 2;
  }
  const mod = (await import(file)) as Partial<Benchmark>;
  if (typeof mod.run !== 'function') {
    process.stderr.write(`bench: ${file} does not export run(args)\n`);
    return 2;
  }
  const result = await mod.run(args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
