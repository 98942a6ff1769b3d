/** The Kafka Connect version this runtime is compatible with (reported by GET / and the built-in plugins). */
export const CONNECT_VERSION = '4.4.0';
