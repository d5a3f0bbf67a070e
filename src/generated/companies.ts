/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A customer account, read from the Gainsight object `Company`. Picklist fields hold `da_picklist` item Gsids, not labels.
 */
export interface Company {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  Name?: null | string;
  /**
   * Picklist item Gsid.
   */
  Industry?: null | string;
  /**
   * Annual recurring revenue, in the currency of CurrencyIsoCode.
   */
  Arr?: null | number;
  Employees?: null | number;
  /**
   * Picklist item Gsid.
   */
  Stage?: null | string;
  /**
   * Picklist item Gsid.
   */
  Status?: null | string;
  RenewalDate?: null | string;
  OriginalContractDate?: null | string;
  CurrentScore?: null | number;
  /**
   * Gsid of the customer success manager (a gsuser).
   */
  Csm?: null | string;
  /**
   * Picklist item Gsid.
   */
  CompanyType?: null | string;
  /**
   * Multi-select picklist: item Gsids joined by semicolons.
   */
  Tags?: null | string;
  CurrencyIsoCode?: null | string;
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
