/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A success plan, read from the object `cta_group`. Picklist fields hold `da_picklist` item Gsids.
 */
export interface SuccessPlan {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  Name?: null | string;
  DueDate?: null | string;
  /**
   * Percentage, 0 to 100.
   */
  PercentComplete?: null | number;
  OpenCtas?: null | number;
  OverdueCtas?: null | number;
  /**
   * Picklist item Gsid.
   */
  SuccessPlanTypeId?: null | string;
  /**
   * Picklist item Gsid.
   */
  StatusId?: null | string;
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
