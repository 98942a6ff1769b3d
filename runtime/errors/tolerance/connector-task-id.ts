/** org.apache.kafka.connect.util.ConnectorTaskId: toString() is `<connector>-<task>`. */
export interface ConnectorTaskId {
  readonly connector: string;
  readonly task: number;
}

export function taskIdText(id: ConnectorTaskId): string {
  return `${id.connector}-${id.task}`;
}
