import type { Generated } from 'kysely';

/** A change staff made to a setting: the whole value it took (JSON), who and when. */
export interface SettingsChangeTable {
  id: Generated<number>;
  key: string;
  value: string;
  changed_by: number;
  changed_at: number;
}

/** A stop moved to another courier by staff (not a tracking event: the parcel did not move). */
export interface StopReassignmentTable {
  id: Generated<number>;
  shipment_id: number;
  from_courier_id: number | null;
  to_courier_id: number;
  by_staff_id: number;
  /** The shipment version the move replaced. */
  from_version: number;
  note: string | null;
  reassigned_at: number;
}

/** The ops desk: settings changes and who made them; stop reassignments. */
export interface OpsDeskTables {
  settings_changes: SettingsChangeTable;
  stop_reassignments: StopReassignmentTable;
}
