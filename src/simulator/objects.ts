/**
 * The object and field catalog: which objects the simulated tenant has, their fields, data types
 * and describe metadata. Standard field names follow Gainsight's documentation. Gainsight does
 * not publish `cs_task` field names, so the ones here are plausible stand-ins that a client must
 * discover through describe.
 */

export type DataType =
  | 'STRING'
  | 'GSID'
  | 'DATETIME'
  | 'DATE'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'PERCENTAGE'
  | 'CURRENCY'
  | 'EMAIL'
  | 'URL'
  | 'RICHTEXTAREA'
  | 'LOOKUP'
  | 'PICKLIST'
  | 'MULTISELECTDROPDOWNLIST'
  | 'SFDCID'
  | 'JSON';

export type FieldGroupType = 'SYSTEM' | 'STANDARD' | 'CUSTOM';

export interface FieldDefinition {
  name: string;
  label: string;
  dataType: DataType;
  fieldGroupType: FieldGroupType;
  nillable: boolean;
  /** Target object of a LOOKUP field. */
  lookupObject?: string;
  /** `da_picklist` category whose item Gsids a PICKLIST or MULTISELECTDROPDOWNLIST field holds. */
  picklistCategory?: string;
  decimalPlaces?: number;
}

export interface ObjectDefinition {
  name: string;
  label: string;
  objectType: 'STANDARD' | 'SYSTEM' | 'CUSTOM';
  /** First four characters of every Gsid of this object. */
  gsidPrefix: string;
  /** The DATETIME field that every write stamps: `ModifiedDate`, or `LastModifiedDate` on the timeline. */
  replicationField: string;
  /** The LOOKUP field that every write sets to the writing user. */
  modifierField: string;
  fields: FieldDefinition[];
}

function field(
  name: string,
  dataType: DataType,
  details: Partial<Omit<FieldDefinition, 'name' | 'dataType'>> = {},
): FieldDefinition {
  return {
    name,
    label: details.label ?? labelOf(name),
    dataType,
    fieldGroupType: details.fieldGroupType ?? (name.endsWith('__gc') || name.endsWith('__c') ? 'CUSTOM' : 'STANDARD'),
    nillable: details.nillable ?? true,
    ...(details.lookupObject === undefined ? {} : { lookupObject: details.lookupObject }),
    ...(details.picklistCategory === undefined ? {} : { picklistCategory: details.picklistCategory }),
    ...(dataType === 'CURRENCY' || dataType === 'NUMBER' || dataType === 'PERCENTAGE'
      ? { decimalPlaces: details.decimalPlaces ?? (dataType === 'NUMBER' ? 0 : 2) }
      : {}),
  };
}

/** Turns `OriginalContractDate` or `Ant__Follow_Up__c` into a human label. */
function labelOf(name: string): string {
  const bare = name.replace(/^Ant__/, '').replace(/__g?c$/, '').replace(/_/g, ' ');
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim();
}

function lookup(name: string, target: string, details: Partial<FieldDefinition> = {}): FieldDefinition {
  return field(name, 'LOOKUP', { ...details, lookupObject: target });
}

function picklist(name: string, category: string, details: Partial<FieldDefinition> = {}): FieldDefinition {
  return field(name, 'PICKLIST', { ...details, picklistCategory: category });
}

function systemFields(modifiedField: string, modifierField: string): FieldDefinition[] {
  const system = { fieldGroupType: 'SYSTEM' as const, nillable: false };
  return [
    field('Gsid', 'GSID', { ...system, label: 'GSID' }),
    field('CreatedDate', 'DATETIME', system),
    field(modifiedField, 'DATETIME', system),
    lookup('CreatedBy', 'gsuser', system),
    lookup(modifierField, 'gsuser', system),
  ];
}

const company: ObjectDefinition = {
  name: 'Company',
  label: 'Company',
  objectType: 'STANDARD',
  gsidPrefix: '1P02',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('Name', 'STRING', { nillable: false }),
    picklist('Industry', 'Industry'),
    field('Arr', 'CURRENCY', { label: 'ARR' }),
    field('Employees', 'NUMBER'),
    picklist('Stage', 'Company Stage'),
    picklist('Status', 'Company Status'),
    field('RenewalDate', 'DATE'),
    field('OriginalContractDate', 'DATE'),
    field('CurrentScore', 'NUMBER'),
    lookup('Csm', 'gsuser', { label: 'CSM' }),
    picklist('CompanyType', 'Company Type'),
    field('Tags', 'MULTISELECTDROPDOWNLIST', { picklistCategory: 'Company Tag' }),
    field('CurrencyIsoCode', 'STRING', { label: 'Currency ISO Code' }),
    // Account numbers imported from an ERP exceed 2^53 in some rows on purpose.
    field('ErpAccountNumber__gc', 'NUMBER', { label: 'ERP Account Number' }),
    field('HealthNotes__gc', 'STRING'),
    field('ChurnRisk__gc', 'BOOLEAN'),
  ],
};

const gsuser: ObjectDefinition = {
  name: 'gsuser',
  label: 'User',
  objectType: 'STANDARD',
  gsidPrefix: '1P01',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('Name', 'STRING', { nillable: false }),
    field('FirstName', 'STRING'),
    field('LastName', 'STRING'),
    field('Email', 'EMAIL'),
    field('SFDCUserName', 'STRING', { label: 'SFDC User Name' }),
    field('SfdcUserId', 'SFDCID', { label: 'SFDC User Id' }),
    field('LicenseType', 'STRING'),
    field('IsActiveUser', 'BOOLEAN'),
    field('SystemType', 'STRING'),
    lookup('Manager', 'gsuser'),
    field('Timezone', 'STRING'),
    field('Title', 'STRING'),
    field('Locale', 'STRING'),
    field('Region__gc', 'STRING'),
    field('StartDate__gc', 'DATE'),
  ],
};

const callToAction: ObjectDefinition = {
  name: 'call_to_action',
  label: 'Call To Action',
  objectType: 'STANDARD',
  gsidPrefix: '1S01',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedById',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedById'),
    field('Name', 'STRING', { nillable: false }),
    lookup('CompanyId', 'Company'),
    field('DueDate', 'DATE'),
    field('EntityType', 'STRING'),
    field('IsClosed', 'BOOLEAN'),
    field('IsImportant', 'BOOLEAN'),
    lookup('OwnerId', 'gsuser'),
    picklist('PriorityId', 'CTA Priority'),
    picklist('ReasonId', 'CTA Reason'),
    picklist('StatusId', 'CTA Status'),
    picklist('TypeId', 'CTA Type'),
    field('Comments', 'RICHTEXTAREA'),
    field('EscalationLevel__gc', 'NUMBER'),
    field('Playbook__gc', 'STRING'),
  ],
};

const csTask: ObjectDefinition = {
  name: 'cs_task',
  label: 'CS Task',
  objectType: 'STANDARD',
  gsidPrefix: '1S02',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('Name', 'STRING', { nillable: false }),
    lookup('OwnerId', 'gsuser'),
    field('DueDate', 'DATE'),
    picklist('StatusId', 'Task Status'),
    field('ClosedDate', 'DATE'),
    lookup('CtaId', 'call_to_action', { label: 'CTA' }),
    field('EffortHours__gc', 'NUMBER', { decimalPlaces: 1 }),
    field('Blocked__gc', 'BOOLEAN'),
  ],
};

const ctaGroup: ObjectDefinition = {
  name: 'cta_group',
  label: 'Success Plan',
  objectType: 'STANDARD',
  gsidPrefix: '1S03',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('Name', 'STRING', { nillable: false }),
    field('DueDate', 'DATE'),
    field('PercentComplete', 'PERCENTAGE'),
    field('OpenCtas', 'NUMBER', { label: 'Open CTAs' }),
    field('OverdueCtas', 'NUMBER', { label: 'Overdue CTAs' }),
    picklist('SuccessPlanTypeId', 'Success Plan Type'),
    picklist('StatusId', 'Success Plan Status'),
    lookup('CompanyId', 'Company'),
    field('Budget__gc', 'CURRENCY'),
    lookup('ExecutiveSponsor__gc', 'gsuser'),
  ],
};

const activityTimeline: ObjectDefinition = {
  name: 'activity_timeline',
  label: 'Activity Timeline',
  objectType: 'STANDARD',
  gsidPrefix: '1I00',
  replicationField: 'LastModifiedDate',
  modifierField: 'LastModifiedBy',
  fields: [
    ...systemFields('LastModifiedDate', 'LastModifiedBy'),
    field('ActivityDate', 'DATETIME'),
    field('Subject', 'STRING'),
    field('Notes', 'RICHTEXTAREA'),
    field('NotesPlainText', 'STRING'),
    field('ContextName', 'STRING'),
    lookup('GsCompanyId', 'Company', { label: 'Company' }),
    field('GsRelationshipId', 'GSID', { label: 'Relationship' }),
    field('GsRelationshipTypeId', 'GSID', { label: 'Relationship Type' }),
    lookup('AuthorId', 'gsuser', { label: 'Author' }),
    field('ExternalId', 'STRING'),
    field('ExternalSource', 'STRING'),
    field('InternalAttendees', 'STRING'),
    field('ExternalAttendees', 'STRING'),
    field('DurationInMins', 'NUMBER', { label: 'Duration In Minutes' }),
    picklist('MilestoneType', 'Milestone Type'),
    picklist('ReportingCategory', 'Reporting Category'),
    field('Source', 'STRING'),
    lookup('UserId', 'gsuser', { label: 'User' }),
    field('UserName', 'STRING'),
    field('UserEmail', 'EMAIL'),
    picklist('Ant__Sentiment__c', 'Sentiment'),
    field('Ant__Follow_Up_Date__c', 'DATE'),
  ],
};

const daPicklist: ObjectDefinition = {
  name: 'da_picklist',
  label: 'Picklist',
  objectType: 'SYSTEM',
  gsidPrefix: '1I05',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('Name', 'STRING', { nillable: false }),
    field('Category', 'STRING'),
    field('IsActive', 'BOOLEAN'),
    field('Deleted', 'BOOLEAN'),
    field('CtaType', 'STRING', { label: 'CTA Type' }),
    field('SpType', 'STRING', { label: 'Success Plan Type' }),
    field('SortOrder__gc', 'NUMBER'),
    field('Color__gc', 'STRING'),
  ],
};

const recordDeleteLog: ObjectDefinition = {
  name: 'record_delete_log',
  label: 'Record Delete Log',
  objectType: 'SYSTEM',
  gsidPrefix: '1D00',
  replicationField: 'ModifiedDate',
  modifierField: 'ModifiedBy',
  fields: [
    ...systemFields('ModifiedDate', 'ModifiedBy'),
    field('RecordId', 'GSID', { label: 'Record Id', nillable: false }),
    field('ObjectName', 'STRING', { nillable: false }),
    field('DeletedOn', 'DATETIME', { nillable: false }),
  ],
};

/** Every object the simulated tenant has, in the order the object list returns them. */
export const OBJECTS: readonly ObjectDefinition[] = [
  company,
  gsuser,
  callToAction,
  csTask,
  ctaGroup,
  activityTimeline,
  daPicklist,
  recordDeleteLog,
];

/** The objects and fields of one simulated tenant, which may lack some standard fields. */
export class Catalog {
  readonly objects: readonly ObjectDefinition[];
  private readonly byLowerName = new Map<string, ObjectDefinition>();
  private readonly byPrefix = new Map<string, ObjectDefinition>();

  /**
   * Builds the catalog without the `omitFields` (`Object.Field` names). Throws when one names
   * an unknown object or field, or a system field, because every object needs those.
   */
  constructor(omitFields: readonly string[] = []) {
    const omitted = new Map<string, Set<string>>();
    for (const entry of omitFields) {
      const [objectName, fieldName, extra] = entry.split('.');
      const object = OBJECTS.find((candidate) => candidate.name.toLowerCase() === objectName?.toLowerCase());
      if (object === undefined || fieldName === undefined || extra !== undefined) {
        throw new Error(`invalid omitted field '${entry}': expected Object.Field with a known object`);
      }
      const target = object.fields.find((candidate) => candidate.name === fieldName);
      if (target === undefined) throw new Error(`invalid omitted field '${entry}': ${object.name} has no field ${fieldName}`);
      if (target.fieldGroupType === 'SYSTEM') {
        throw new Error(`invalid omitted field '${entry}': system fields cannot be omitted`);
      }
      const set = omitted.get(object.name) ?? new Set<string>();
      set.add(fieldName);
      omitted.set(object.name, set);
    }

    this.objects = OBJECTS.map((object) => {
      const drop = omitted.get(object.name);
      return drop === undefined ? object : { ...object, fields: object.fields.filter((f) => !drop.has(f.name)) };
    });
    for (const object of this.objects) {
      this.byLowerName.set(object.name.toLowerCase(), object);
      this.byPrefix.set(object.gsidPrefix, object);
    }
  }

  /** Finds an object by name, ignoring case as Gainsight's paths do. */
  find(name: string): ObjectDefinition | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  findByGsidPrefix(prefix: string): ObjectDefinition | undefined {
    return this.byPrefix.get(prefix);
  }
}

export function findField(object: ObjectDefinition, name: string): FieldDefinition | undefined {
  return object.fields.find((candidate) => candidate.name === name);
}

export const DATE_TYPES: ReadonlySet<DataType> = new Set(['DATE', 'DATETIME']);
export const NUMBER_TYPES: ReadonlySet<DataType> = new Set(['NUMBER', 'CURRENCY', 'PERCENTAGE']);
