/** The Elasticsearch sink plugin for the worker's registry and the schema generator. */
import { ElasticsearchSinkConnector } from './elasticsearch-sink-connector';
import { ELASTICSEARCH_CONNECTOR_VERSION, ELASTICSEARCH_SINK_CLASS } from './version';

export const ELASTICSEARCH_SINK_PLUGIN = {
  className: ELASTICSEARCH_SINK_CLASS,
  aliases: ['ElasticsearchSinkConnector', 'ElasticsearchSink'],
  type: 'sink' as const,
  version: ELASTICSEARCH_CONNECTOR_VERSION,
  create: (): ElasticsearchSinkConnector => new ElasticsearchSinkConnector(),
  /** Keys of older releases the schema flags instead of rejecting. */
  legacy: {
    'type.name':
      'type.name belongs to older Elasticsearch sink versions (mapping types were removed in Elasticsearch 8.0); the 11.x+ connector ignores it.',
  } as Record<string, string>,
};
