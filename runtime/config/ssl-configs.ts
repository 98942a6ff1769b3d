/**
 * org.apache.kafka.common.config.SslConfigs.addClientSslSupport: the client SSL keys with their
 * types, defaults (the JVM defaults for the key/trust manager algorithms: SunX509, PKIX) and docs.
 * Connectors embed them under a prefix (e.g. the Elasticsearch sink's `elastic.https.`).
 */
import { ConfigDef } from './config-def';
import type { ConfigKeyDefinition } from './config-def';

type Key = [
  name: string,
  type: ConfigKeyDefinition['type'],
  def: unknown,
  imp: ConfigKeyDefinition['importance'],
  doc: string,
];

const KEYS: Key[] = [
  [
    'ssl.protocol',
    'STRING',
    'TLSv1.3',
    'MEDIUM',
    "The SSL protocol used to generate the SSLContext. The default is 'TLSv1.3' when running with Java 11 or newer, 'TLSv1.2' otherwise. This value should be fine for most use cases. Allowed values in recent JVMs are 'TLSv1.2' and 'TLSv1.3'. 'TLS', 'TLSv1.1', 'SSL', 'SSLv2' and 'SSLv3' may be supported in older JVMs, but their usage is discouraged due to known security vulnerabilities. With the default value for this config and 'ssl.enabled.protocols', clients will downgrade to 'TLSv1.2' if the server does not support 'TLSv1.3'. If this config is set to 'TLSv1.2', clients will not use 'TLSv1.3' even if it is one of the values in ssl.enabled.protocols and the server only supports 'TLSv1.3'.",
  ],
  [
    'ssl.provider',
    'STRING',
    null,
    'MEDIUM',
    'The name of the security provider used for SSL connections. Default value is the default security provider of the JVM.',
  ],
  [
    'ssl.cipher.suites',
    'LIST',
    null,
    'LOW',
    'A list of cipher suites. This is a named combination of authentication, encryption, MAC and key exchange algorithm used to negotiate the security settings for a network connection using TLS or SSL network protocol. By default all the available cipher suites are supported.',
  ],
  [
    'ssl.enabled.protocols',
    'LIST',
    'TLSv1.2,TLSv1.3',
    'MEDIUM',
    "The list of protocols enabled for SSL connections. The default is 'TLSv1.2,TLSv1.3' when running with Java 11 or newer, 'TLSv1.2' otherwise. With the default value for Java 11, clients and servers will prefer TLSv1.3 if both support it and fallback to TLSv1.2 otherwise (assuming both support at least TLSv1.2). This default should be fine for most cases. Also see the config documentation for `ssl.protocol`.",
  ],
  [
    'ssl.keystore.type',
    'STRING',
    'JKS',
    'MEDIUM',
    'The file format of the key store file. This is optional for client. The values currently supported by the default `ssl.engine.factory.class` are [JKS, PKCS12, PEM].',
  ],
  [
    'ssl.keystore.location',
    'STRING',
    null,
    'HIGH',
    'The location of the key store file. This is optional for client and can be used for two-way authentication for client.',
  ],
  [
    'ssl.keystore.password',
    'PASSWORD',
    null,
    'HIGH',
    "The store password for the key store file. This is optional for client and only needed if 'ssl.keystore.location' is configured. Key store password is not supported for PEM format.",
  ],
  [
    'ssl.key.password',
    'PASSWORD',
    null,
    'HIGH',
    "The password of the private key in the key store file or the PEM key specified in 'ssl.keystore.key'.",
  ],
  [
    'ssl.keystore.key',
    'PASSWORD',
    null,
    'HIGH',
    "Private key in the format specified by 'ssl.keystore.type'. Default SSL engine factory supports only PEM format with PKCS#8 keys. If the key is encrypted, key password must be specified using 'ssl.key.password'",
  ],
  [
    'ssl.keystore.certificate.chain',
    'PASSWORD',
    null,
    'HIGH',
    "Certificate chain in the format specified by 'ssl.keystore.type'. Default SSL engine factory supports only PEM format with a list of X.509 certificates",
  ],
  [
    'ssl.truststore.certificates',
    'PASSWORD',
    null,
    'HIGH',
    "Trusted certificates in the format specified by 'ssl.truststore.type'. Default SSL engine factory supports only PEM format with X.509 certificates.",
  ],
  [
    'ssl.truststore.type',
    'STRING',
    'JKS',
    'MEDIUM',
    'The file format of the trust store file. The values currently supported by the default `ssl.engine.factory.class` are [JKS, PKCS12, PEM].',
  ],
  ['ssl.truststore.location', 'STRING', null, 'HIGH', 'The location of the trust store file.'],
  [
    'ssl.truststore.password',
    'PASSWORD',
    null,
    'HIGH',
    'The password for the trust store file. If a password is not set, trust store file configured will still be used, but integrity checking is disabled. Trust store password is not supported for PEM format.',
  ],
  [
    'ssl.keymanager.algorithm',
    'STRING',
    'SunX509',
    'LOW',
    'The algorithm used by key manager factory for SSL connections. Default value is the key manager factory algorithm configured for the Java Virtual Machine.',
  ],
  [
    'ssl.trustmanager.algorithm',
    'STRING',
    'PKIX',
    'LOW',
    'The algorithm used by trust manager factory for SSL connections. Default value is the trust manager factory algorithm configured for the Java Virtual Machine.',
  ],
  [
    'ssl.endpoint.identification.algorithm',
    'STRING',
    'https',
    'LOW',
    'The endpoint identification algorithm to validate server hostname using server certificate. ',
  ],
  [
    'ssl.secure.random.implementation',
    'STRING',
    null,
    'LOW',
    'The SecureRandom PRNG implementation to use for SSL cryptography operations. ',
  ],
  [
    'ssl.engine.factory.class',
    'CLASS',
    null,
    'LOW',
    'The class of type org.apache.kafka.common.security.auth.SslEngineFactory to provide SSLEngine objects. Default value is org.apache.kafka.common.security.ssl.DefaultSslEngineFactory. Alternatively, setting this to org.apache.kafka.common.security.ssl.CommonNameLoggingSslEngineFactory will log the common name of expired SSL certificates used by clients to authenticate at any of the brokers with log level INFO. Note that this will cause a tiny delay during establishment of new connections from mTLS clients to brokers due to the extra code for examining the certificate chain provided by the client. Note further that the implementation uses a custom truststore based on the standard Java truststore and thus might be considered a security risk due to not being as mature as the standard one.',
  ],
];

/** A ConfigDef holding the client SSL keys (unprefixed), as addClientSslSupport(new ConfigDef()). */
export function clientSslConfigDef(): ConfigDef {
  const def = new ConfigDef();
  for (const [name, type, defaultValue, importance, documentation] of KEYS)
    def.define({ name, type, defaultValue, importance, documentation });
  return def;
}
