/**
 * What the extension loads only on first use, bundled apart as dist/extension-deferred.js so that
 * activation does not parse it: the lab module (Kafka and PostgreSQL process control), the Kafka
 * client (topic completion) and the PostgreSQL client (table and column completion).
 */
export * as lab from '../../runtime/lab/index.js';
export { Kafka, logLevel } from 'kafkajs';
export { Client as PgClient } from 'pg';
