/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A Cockpit task, read from the object `cs_task`. Gainsight documents only Gsid and ModifiedDate as API names for this object, so this schema lists the system fields alone; discover adds every other field the tenant's describe reports.
 */
export interface CsTask {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  CreatedDate?: null | string;
  /**
   * Gsid of the gsuser who created the record.
   */
  CreatedBy?: null | string;
  /**
   * Last change; the replication key.
   */
  ModifiedDate?: null | string;
  /**
   * Gsid of the gsuser who last changed the record.
   */
  ModifiedBy?: null | string;
  [k: string]: unknown;
}
