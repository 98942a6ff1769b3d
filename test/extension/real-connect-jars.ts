/**
 * The real Connect worker's jar dir, with the FileStream connectors made loadable (see
 * fixtures/AppInfoParser.java). Builds once into ~/.cache/kafka-connect-lab/tools/ with javac + jar;
 * without a JDK, or when the jars no longer need it, the plain dir is used.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveConnectJars } from '../support/real-connect';

function has(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function realConnectJarsWithFileStream(log: (line: string) => void): Promise<string> {
  const jars = await resolveConnectJars();
  const files = readdirSync(jars);
  const fileJar = files.find((f) => /^connect-file-4\.3\./.test(f));
  const clients = files.find((f) => /^kafka-clients-4\.4\./.test(f));
  if (!fileJar || !clients) return jars;
  if (!has('javac') || !has('jar')) {
    log('extension suite: no JDK (javac); FileStream connectors will fail on the real Connect 4.4.0 worker');
    return jars;
  }
  const cache = process.env.KCL_CACHE_DIR ?? join(homedir(), '.cache', 'kafka-connect-lab');
  const dir = join(cache, 'tools', 'connect-4.4.0-filestream-v2');
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Copies, not links: other suites may re-resolve the shared jar dir while this worker starts.
  for (const f of files.filter((f) => f.endsWith('.jar'))) copyFileSync(join(jars, f), join(dir, f));
  const classes = join(dir, '.classes');
  mkdirSync(classes);
  execFileSync(
    'javac',
    [
      '--release',
      '17',
      '-cp',
      join(jars, clients),
      '-d',
      classes,
      join(__dirname, 'fixtures', 'AppInfoParser.java'),
    ],
    {
      stdio: 'inherit',
    },
  );
  execFileSync('jar', ['cf', join(dir, 'zz-appinfo-bridge.jar'), '-C', classes, '.'], { stdio: 'inherit' });
  rmSync(classes, { recursive: true });
  writeFileSync(join(dir, '.complete'), new Date().toISOString());
  return dir;
}
