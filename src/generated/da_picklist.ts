/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A picklist (dropdown) item, read from the object `da_picklist`. Other streams' picklist fields hold these Gsids; join on Gsid to get the label in Name.
 */
export interface PicklistItem {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  /**
   * The item's label.
   */
  Name?: null | string;
  /**
   * The picklist the item belongs to.
   */
  Category?: null | string;
  IsActive?: null | boolean;
  Deleted?: null | boolean;
  CtaType?: null | string;
  SpType?: null | string;
  CreatedDate?: null | string;
  /**
   * Gsid of the gsuser who created the record.
   */
  CreatedBy?: null | string;
  ModifiedDate?: null | string;
  /**
   * Gsid of the gsuser who last changed the record.
   */
  ModifiedBy?: null | string;
  [k: string]: unknown;
}
