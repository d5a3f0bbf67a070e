/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A Cockpit call to action (CTA), read from the object `call_to_action`. Picklist fields hold `da_picklist` item Gsids.
 */
export interface CallToAction {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  Name?: null | string;
  /**
   * Gsid of the Company the CTA is about.
   */
  CompanyId?: null | string;
  DueDate?: null | string;
  /**
   * COMPANY or RELATIONSHIP.
   */
  EntityType?: null | string;
  IsClosed?: null | boolean;
  IsImportant?: null | boolean;
  /**
   * Gsid of the owning gsuser.
   */
  OwnerId?: null | string;
  /**
   * Picklist item Gsid.
   */
  PriorityId?: null | string;
  /**
   * Picklist item Gsid.
   */
  ReasonId?: null | string;
  /**
   * Picklist item Gsid.
   */
  StatusId?: null | string;
  /**
   * Picklist item Gsid.
   */
  TypeId?: null | string;
  /**
   * Rich text (HTML).
   */
  Comments?: null | string;
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
   * Gsid of the gsuser who last changed the CTA. This object names the field ModifiedById, not ModifiedBy.
   */
  ModifiedById?: null | string;
  [k: string]: unknown;
}
