/**
 * Certificates for the HTTPS Connect listener the extension suite drives: a private CA, a server
 * certificate for 127.0.0.1 (PKCS12 keystore) and a client certificate (PEM, for the extension),
 * plus a PKCS12 truststore holding the CA so the worker can require client certificates. Made with
 * openssl and the JDK's keytool in a fresh directory per run; valid for two days.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsMaterial {
  /** PEM CA certificate (the extension's `ca` setting). */
  ca: string;
  /** PEM client certificate and key (the extension's `cert` / `key` settings). */
  cert: string;
  key: string;
  keystore: string;
  truststore: string;
  password: string;
}

function run(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function signed(dir: string, name: string, subject: string, ext: string): void {
  run(
    'openssl',
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ],
    dir,
  );
  writeFileSync(join(dir, `${name}.ext`), ext);
  run(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

export function makeTlsMaterial(dir: string): TlsMaterial {
  mkdirSync(dir, { recursive: true });
  const password = 'kcl-test-store';
  run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca-key.pem',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=kcl-test-ca',
    ],
    dir,
  );
  signed(
    dir,
    'server',
    '/CN=127.0.0.1',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  signed(dir, 'client', '/CN=kcl-test-client', 'extendedKeyUsage=clientAuth\n');
  run(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-in',
      'server.pem',
      '-inkey',
      'server-key.pem',
      '-certfile',
      'ca.pem',
      '-name',
      'server',
      '-out',
      'server.p12',
      '-passout',
      `pass:${password}`,
    ],
    dir,
  );
  run(
    'keytool',
    [
      '-importcert',
      '-noprompt',
      '-alias',
      'kcl-test-ca',
      '-file',
      'ca.pem',
      '-keystore',
      'trust.p12',
      '-storetype',
      'PKCS12',
      '-storepass',
      password,
    ],
    dir,
  );
  return {
    ca: join(dir, 'ca.pem'),
    cert: join(dir, 'client.pem'),
    key: join(dir, 'client-key.pem'),
    keystore: join(dir, 'server.p12'),
    truststore: join(dir, 'trust.p12'),
    password,
  };
}

/** Real Connect's worker properties for an extra HTTPS listener that requires client certificates. */
export function httpsListenerProperties(
  httpUrl: string,
  httpsPort: number,
  tls: TlsMaterial,
): Record<string, string> {
  return {
    listeners: `${httpUrl},https://127.0.0.1:${httpsPort}`,
    'rest.advertised.listener': 'http',
    'listeners.https.ssl.keystore.type': 'PKCS12',
    'listeners.https.ssl.keystore.location': tls.keystore,
    'listeners.https.ssl.keystore.password': tls.password,
    'listeners.https.ssl.key.password': tls.password,
    'listeners.https.ssl.truststore.type': 'PKCS12',
    'listeners.https.ssl.truststore.location': tls.truststore,
    'listeners.https.ssl.truststore.password': tls.password,
    'listeners.https.ssl.client.auth': 'required',
  };
}
