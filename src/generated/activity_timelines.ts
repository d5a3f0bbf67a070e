/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

/**
 * A Timeline activity (a call, meeting, email or update), read from the object `activity_timeline`. This object tracks changes in LastModifiedDate and LastModifiedBy and has no ModifiedDate.
 */
export interface ActivityTimeline {
  /**
   * Gainsight record id; the primary key.
   */
  Gsid: string;
  ActivityDate?: null | string;
  Subject?: null | string;
  /**
   * Rich text (HTML).
   */
  Notes?: null | string;
  NotesPlainText?: null | string;
  /**
   * What the activity is attached to, such as Company or Relationship.
   */
  ContextName?: null | string;
  /**
   * Gsid of the Company.
   */
  GsCompanyId?: null | string;
  GsRelationshipId?: null | string;
  GsRelationshipTypeId?: null | string;
  /**
   * Gsid of the gsuser who wrote the activity.
   */
  AuthorId?: null | string;
  ExternalId?: null | string;
  ExternalSource?: null | string;
  InternalAttendees?: null | string;
  ExternalAttendees?: null | string;
  /**
   * Duration in minutes.
   */
  DurationInMins?: null | number;
  /**
   * Picklist item Gsid.
   */
  MilestoneType?: null | string;
  /**
   * Picklist item Gsid.
   */
  ReportingCategory?: null | string;
  Source?: null | string;
  /**
   * Gsid of the gsuser the activity belongs to.
   */
  UserId?: null | string;
  UserName?: null | string;
  UserEmail?: null | string;
  CreatedDate?: null | string;
  /**
   * Gsid of the gsuser who created the record.
   */
  CreatedBy?: null | string;
  /**
   * Last change; the replication key.
   */
  LastModifiedDate?: null | string;
  /**
   * Gsid of the gsuser who last changed the record.
   */
  LastModifiedBy?: null | string;
  [k: string]: unknown;
}
