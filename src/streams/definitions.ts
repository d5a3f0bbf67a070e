/** A stream of the tap: the Gainsight object it reads and how it replicates. */
export interface StreamDefinition {
  /** Singer stream name and `tap_stream_id`; also the schema file `schemas/<name>.json`. */
  name: string;
  /** Gainsight object name in the query path. */
  objectName: string;
  keyProperty: 'Gsid';
  /** The field that moves when a row changes; undefined for FULL_TABLE streams. */
  replicationKey: string | undefined;
}

/** The seven standard streams, in the order they are discovered and synced. */
export const streamDefinitions: readonly StreamDefinition[] = [
  { name: 'companies', objectName: 'Company', keyProperty: 'Gsid', replicationKey: 'ModifiedDate' },
  { name: 'users', objectName: 'gsuser', keyProperty: 'Gsid', replicationKey: 'ModifiedDate' },
  { name: 'call_to_actions', objectName: 'call_to_action', keyProperty: 'Gsid', replicationKey: 'ModifiedDate' },
  { name: 'cs_tasks', objectName: 'cs_task', keyProperty: 'Gsid', replicationKey: 'ModifiedDate' },
  { name: 'success_plans', objectName: 'cta_group', keyProperty: 'Gsid', replicationKey: 'ModifiedDate' },
  // The Timeline object tracks changes in LastModifiedDate; it has no ModifiedDate.
  { name: 'activity_timelines', objectName: 'activity_timeline', keyProperty: 'Gsid', replicationKey: 'LastModifiedDate' },
  // Picklist items are few and carry no reliable change date, so they are read in full each run.
  { name: 'da_picklist', objectName: 'da_picklist', keyProperty: 'Gsid', replicationKey: undefined },
];

export function findStream(name: string): StreamDefinition | undefined {
  return streamDefinitions.find((stream) => stream.name === name);
}
