/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A Gainsight user, read from the object `gsuser`.
 */
export interface User {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  Name?: null | string;
  FirstName?: null | string;
  LastName?: null | string;
  Email?: null | string;
  SFDCUserName?: null | string;
  /**
   * Salesforce user id.
   */
  SfdcUserId?: null | string;
  LicenseType?: null | string;
  IsActiveUser?: null | boolean;
  SystemType?: null | string;
  /**
   * Gsid of the user's manager (a gsuser).
   */
  Manager?: null | string;
  Timezone?: null | string;
  Title?: null | string;
  Locale?: null | string;
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
