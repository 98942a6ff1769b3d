/** The built-in predicates (org.apache.kafka.connect.transforms.predicates.*). */
export { HasHeaderKey, HAS_HEADER_KEY_CONFIG_DEF } from './has-header-key';
export { RecordIsTombstone, RECORD_IS_TOMBSTONE_CONFIG_DEF } from './record-is-tombstone';
export { PREDICATES_PACKAGE, TopicNameMatches, TOPIC_NAME_MATCHES_CONFIG_DEF } from './topic-name-matches';
