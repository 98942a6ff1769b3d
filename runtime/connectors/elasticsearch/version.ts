/** The kafka-connect-elasticsearch release whose behaviour this connector follows. */
export const ELASTICSEARCH_CONNECTOR_VERSION = '15.1.0';
export const ELASTICSEARCH_SINK_CLASS = 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector';
