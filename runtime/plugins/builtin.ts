/** The plugins every runtime has: FileStream, JDBC and Debezium Postgres connectors, converters, SMTs, predicates. */
import { FileStreamSinkConnector } from '../connectors/file/file-stream-sink-connector';
import { FileStreamSourceConnector } from '../connectors/file/file-stream-source-connector';
import { CONNECT_VERSION } from '../connectors/file/version';
import { ELASTICSEARCH_SINK_PLUGIN } from '../connectors/elasticsearch/index';
import { PluginRegistry } from './registry';
import { registerConverters } from './builtin-converters';
import { registerPostgres, registerSmts } from './builtin-smts';

export function builtinPlugins(): PluginRegistry {
  const registry = new PluginRegistry();
  registry.register({
    className: FileStreamSinkConnector.className,
    type: 'sink',
    version: CONNECT_VERSION,
    create: () => new FileStreamSinkConnector(),
  });
  registry.register({
    className: FileStreamSourceConnector.className,
    type: 'source',
    version: CONNECT_VERSION,
    create: () => new FileStreamSourceConnector(),
  });
  registerConverters(registry);
  registerSmts(registry);
  registerPostgres(registry);
  const es = ELASTICSEARCH_SINK_PLUGIN;
  registry.register({ className: es.className, type: es.type, version: es.version, create: es.create });
  return registry;
}
