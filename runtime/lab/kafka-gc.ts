/**
 * The broker's GC flags, for both providers: those of Kafka's own start scripts
 * (KAFKA_JVM_PERFORMANCE_OPTS), G1 aiming at 20 ms pauses. The serial GC started as fast, but under
 * a steady 1k records/s it stopped the broker for 60 ms on average (up to 150 ms) every few seconds,
 * and every record in flight waited.
 */
export const KAFKA_GC_ARGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
];
