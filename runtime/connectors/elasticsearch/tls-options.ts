/**
 * elastic.security.protocol + elastic.https.* → Node TLS options (ConfigCallbackHandler.sslContext
 * with Kafka's DefaultSslEngineFactory): PEM trust/key stores (files or inline), PKCS12 key stores
 * (pfx), PKCS12 trust stores (certificates read out with the openssl CLI: Node loads no certs-only
 * PKCS12), enabled protocols, hostname verification. JKS cannot be read here: a ConfigException
 * names the key and what to use instead (a PKCS12 file behind type JKS is read, as Java 9+ does).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { SecureVersion } from 'node:tls';
import { ConfigException } from '../../config/config-exception';
import { Password, javaToString } from '../../config/java-compat';
import type { TlsClientOptions } from './transport';

const P = 'elastic.https.';

/** A ConfigException that knows the key it is about (validate() reports it there). */
export class SslConfigException extends ConfigException {
  constructor(
    readonly configKey: string,
    value: unknown,
    message: string,
  ) {
    super(configKey, value, message);
  }
}

type Get = (key: string) => unknown;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Password ? v.value() : javaToString(v);
}

function jksAdvice(key: string, location: string, store: 'keystore' | 'truststore'): string {
  return `JKS ${store}s cannot be read by this runtime. Convert ${location} to PKCS12 (keytool -importkeystore -srckeystore ${location} -destkeystore ${location}.p12 -deststoretype PKCS12) and set ${key} to PKCS12, or use PEM`;
}

/** The store's real format: JKS files begin with 0xFEEDFEED, PKCS12 files are DER (0x30). */
function storeFormat(type: string, data: Buffer): string {
  if (type !== 'JKS') return type;
  return data.length > 0 && data[0] === 0x30 ? 'PKCS12' : 'JKS';
}

function readStore(key: string, location: string, type: string, store: string): Buffer {
  try {
    return readFileSync(location);
  } catch (e) {
    throw new SslConfigException(
      key,
      location,
      `Failed to load SSL ${store} ${location} of type ${type}: ${(e as Error).message}`,
    );
  }
}

/** The certificates of a PKCS12 trust store as PEM (openssl pkcs12 -nokeys; -legacy for RC2 files). */
function pkcs12Certificates(key: string, location: string, password: string | null): string {
  const base = ['pkcs12', '-in', location, '-nokeys', '-passin', 'env:KCL_TRUSTSTORE_PASSWORD'];
  if (password === null) base.push('-nomacver');
  const env = { ...process.env, KCL_TRUSTSTORE_PASSWORD: password ?? '' };
  let last = '';
  for (const extra of [[], ['-legacy']]) {
    try {
      const out = execFileSync('openssl', [...base, ...extra], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
      if (out.includes('BEGIN CERTIFICATE')) return out;
      last = 'no certificate in the trust store';
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT')
        throw new SslConfigException(
          key,
          location,
          'Reading a PKCS12 trust store needs the openssl command, which is not on PATH; use a PEM trust store (elastic.https.ssl.truststore.type=PEM) instead',
        );
      last = (err.stderr?.toString() ?? String(e)).split('\n')[0] ?? '';
    }
  }
  throw new SslConfigException(
    key,
    location,
    `Failed to load SSL truststore ${location} of type PKCS12: ${last}`,
  );
}

function trustOptions(get: Get): { ca?: string | Buffer } {
  const location = text(get(`${P}ssl.truststore.location`)) ?? '';
  const typeKey = `${P}ssl.truststore.type`;
  const type = (text(get(typeKey)) ?? 'JKS').toUpperCase();
  const inline = text(get(`${P}ssl.truststore.certificates`));
  if (location === '') {
    if (inline !== null && type === 'PEM') return { ca: inline };
    return {}; // the default trust (the JVM's cacerts there, Node's CA list here)
  }
  const data = readStore(`${P}ssl.truststore.location`, location, type, 'truststore');
  switch (storeFormat(type, data)) {
    case 'PEM':
      return { ca: data };
    case 'PKCS12':
      return {
        ca: pkcs12Certificates(
          `${P}ssl.truststore.location`,
          location,
          text(get(`${P}ssl.truststore.password`)),
        ),
      };
    case 'JKS':
      throw new SslConfigException(typeKey, type, jksAdvice(typeKey, location, 'truststore'));
    default:
      throw new SslConfigException(typeKey, type, 'The supported trust store types are PKCS12 and PEM');
  }
}

function keyOptions(get: Get): {
  pfx?: Buffer;
  key?: string | Buffer;
  cert?: string | Buffer;
  passphrase?: string;
} {
  const location = text(get(`${P}ssl.keystore.location`)) ?? '';
  const typeKey = `${P}ssl.keystore.type`;
  const type = (text(get(typeKey)) ?? 'JKS').toUpperCase();
  const keyPassword = text(get(`${P}ssl.key.password`));
  const storePassword = text(get(`${P}ssl.keystore.password`));
  if (location === '') {
    const key = text(get(`${P}ssl.keystore.key`));
    const chain = text(get(`${P}ssl.keystore.certificate.chain`));
    if (key !== null && chain !== null && type === 'PEM')
      return { key, cert: chain, ...(keyPassword !== null ? { passphrase: keyPassword } : {}) };
    return {};
  }
  const data = readStore(`${P}ssl.keystore.location`, location, type, 'keystore');
  switch (storeFormat(type, data)) {
    case 'PEM':
      // one file with the private key and the certificate chain
      return { key: data, cert: data, ...(keyPassword !== null ? { passphrase: keyPassword } : {}) };
    case 'PKCS12': {
      const pass = keyPassword ?? storePassword;
      return { pfx: data, ...(pass !== null ? { passphrase: pass } : {}) };
    }
    case 'JKS':
      throw new SslConfigException(typeKey, type, jksAdvice(typeKey, location, 'keystore'));
    default:
      throw new SslConfigException(typeKey, type, 'The supported key store types are PKCS12 and PEM');
  }
}

const VERSIONS: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function protocolOptions(get: Get): { minVersion?: SecureVersion; maxVersion?: SecureVersion } {
  const enabled = ((get(`${P}ssl.enabled.protocols`) as string[] | null) ?? [])
    .map((v) => VERSIONS.indexOf(v as SecureVersion))
    .filter((i) => i >= 0);
  if (enabled.length === 0) return {};
  let max = Math.max(...enabled);
  // ssl.protocol=TLSv1.2: no TLSv1.3 even when enabled
  const protocol = VERSIONS.indexOf(text(get(`${P}ssl.protocol`)) as SecureVersion);
  if (protocol >= 0 && protocol < max) max = protocol;
  return { minVersion: VERSIONS[Math.min(...enabled)], maxVersion: VERSIONS[max] };
}

/** TLS options for https connection URLs; `get` reads the parsed connector config. */
export function tlsClientOptions(get: Get): TlsClientOptions {
  if ((text(get('elastic.security.protocol')) ?? 'PLAINTEXT').toUpperCase() !== 'SSL')
    return { context: {}, verifyHostname: true };
  return {
    context: { ...trustOptions(get), ...keyOptions(get), ...protocolOptions(get) },
    verifyHostname: text(get(`${P}ssl.endpoint.identification.algorithm`)) !== '',
  };
}
