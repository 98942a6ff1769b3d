/**
 * The Docker provider's search engine image and its contract. Default: Elasticsearch 7.17 — the
 * engine the lesson's `io.confluent.connect.elasticsearch.ElasticsearchSinkConnector` is built for,
 * with the 7.x REST API our sink speaks and the local provider's OpenSearch 2.19 follows (8.x turns
 * security on by default); docs/lab-providers.md. An OpenSearch image
 * (`--search-image opensearchproject/opensearch:2.19.x`) gets OpenSearch's variables instead.
 * Both: one node (`discovery.type=single-node`), security off, plain HTTP on 9200.
 */
export const DEFAULT_SEARCH_IMAGE = 'docker.elastic.co/elasticsearch/elasticsearch:7.17.28';

export interface SearchContract {
  kind: 'elasticsearch' | 'opensearch';
  env: string[];
  dataDir: string;
}

const HEAP = '-Xms512m -Xmx512m';
/** Both engines read settings from dotted environment variable names. */
const COMMON = [
  'discovery.type=single-node',
  'cluster.name=kafka-connect-lab',
  'node.name=lab-search',
  // A nearly full disk must not turn the lab's indices read-only.
  'cluster.routing.allocation.disk.threshold_enabled=false',
];

/** OpenSearch when the image's repository says so, else Elasticsearch. */
export function searchContract(image: string): SearchContract {
  const repository = image.replace(/[:@][^/]*$/, '');
  if (/opensearch/i.test(repository)) {
    return {
      kind: 'opensearch',
      env: [
        ...COMMON,
        'DISABLE_SECURITY_PLUGIN=true',
        'DISABLE_INSTALL_DEMO_CONFIG=true',
        `OPENSEARCH_JAVA_OPTS=${HEAP}`,
      ],
      dataDir: '/usr/share/opensearch/data',
    };
  }
  return {
    kind: 'elasticsearch',
    env: [...COMMON, 'xpack.security.enabled=false', `ES_JAVA_OPTS=${HEAP}`],
    dataDir: '/usr/share/elasticsearch/data',
  };
}
