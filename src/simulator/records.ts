/**
 * Generation of base records: row `i` of an object is a pure function of (seed, object, i), so
 * records are built only when served and never held in memory.
 *
 * Internal values: strings, numbers, `bigint` for integers beyond 2^53, booleans and null.
 * DATETIME values are epoch milliseconds, and DATE values the epoch milliseconds of their UTC
 * midnight. An unset date is null or, as Gainsight also returns it, the empty string.
 */

import { WINDOW_START_MS } from './modified-dates.js';
import type { ObjectDefinition } from './objects.js';
import { ACTIVE_ITEMS_BY_CATEGORY, PICKLIST_ITEMS } from './picklists.js';
import { Random } from './random.js';
import * as text from './text.js';

export type Value = string | number | bigint | boolean | null;
export type InternalRecord = Record<string, Value>;

export const DAY_MS = 86_400_000;

/** Facts about the rest of the tenant that a generator reads. */
export interface GenerationContext {
  readonly seed: number;
  baseRowCount(objectName: string): number;
  gsidOf(objectName: string, row: number): string;
  modifiedAt(objectName: string, row: number): number;
  /** Row of `da_picklist` that contains PICKLIST_ITEMS[index]. */
  picklistRowOfItem(index: number): number;
  /** Index into PICKLIST_ITEMS of the `da_picklist` row. */
  picklistItemOfRow(row: number): number;
  baseRecord(objectName: string, row: number): InternalRecord;
}

type Generator = (row: number, rng: Random, values: Helpers) => InternalRecord;

/** Value helpers bound to one row's random generator. */
class Helpers {
  constructor(
    private readonly context: GenerationContext,
    private readonly rng: Random,
    readonly created: number,
  ) {}

  lookup(objectName: string, nullChance = 0): string | null {
    if (this.rng.chance(nullChance)) return null;
    const count = this.context.baseRowCount(objectName);
    return count === 0 ? null : this.context.gsidOf(objectName, this.rng.int(count));
  }

  picklist(category: string, nullChance = 0): string | null {
    if (this.rng.chance(nullChance)) return null;
    const items = ACTIVE_ITEMS_BY_CATEGORY.get(category);
    if (items === undefined) throw new Error(`no picklist category ${category}`);
    return this.context.gsidOf('da_picklist', this.context.picklistRowOfItem(this.rng.pick(items)));
  }

  /** Returns a DATE some days after (or, with negative bounds, before) the creation date. */
  date(minDays: number, maxDays: number, nullChance: number, emptyChance: number): number | string | null {
    const roll = this.rng.next();
    if (roll < nullChance) return null;
    if (roll < nullChance + emptyChance) return '';
    const day = Math.floor(this.created / DAY_MS) + this.rng.between(minDays, maxDays);
    return day * DAY_MS;
  }

  maybe<T>(value: T, nullChance: number): T | null {
    return this.rng.chance(nullChance) ? null : value;
  }

  cents(min: number, max: number): number {
    return Math.round((min + this.rng.next() * (max - min)) * 100) / 100;
  }

  sentences(min: number, max: number): string {
    const count = this.rng.between(min, max);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.rng.pick(text.NOTE_SENTENCES));
    return parts.join(' ');
  }

  /** Returns a Gsid of an object the simulator does not serve (relationships). */
  foreignGsid(prefix: string): string {
    let id = prefix;
    while (id.length < 36) id += this.rng.uint32().toString(36).toUpperCase();
    return id.slice(0, 36);
  }

  personName(): { first: string; last: string } {
    return { first: this.rng.pick(text.FIRST_NAMES), last: this.rng.pick(text.LAST_NAMES) };
  }
}

/** Folds a name to ASCII for an e-mail address; names without Latin letters become `user`. */
function asciiFold(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ø]/gi, 'o')
    .replace(/[ł]/gi, 'l')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return folded === '' ? 'user' : folded;
}

const company: Generator = (row, rng, v) => {
  // Every fifth row carries an ERP number above 2^53 (row 0: 9007199254740993), which
  // JSON.parse in JavaScript cannot read without losing digits.
  const erpNumber =
    row % 5 === 0 ? 9_007_199_254_740_993n + BigInt(row) : v.maybe(rng.between(1_000_000, 999_999_999) * 1000 + rng.int(1000), 0.2);
  const tags = rng.chance(0.3) ? null : [...new Set([1, 2, 3].slice(0, rng.between(1, 3)).map(() => v.picklist('Company Tag')))].join(';');
  return {
    Name: `${rng.pick(text.COMPANY_STEMS)} ${rng.pick(text.COMPANY_SUFFIXES)}`,
    Industry: v.picklist('Industry', 0.1),
    Arr: v.maybe(v.cents(5_000, 2_500_000), 0.05),
    Employees: v.maybe(rng.between(5, 200_000), 0.05),
    Stage: v.picklist('Company Stage', 0.05),
    Status: v.picklist('Company Status'),
    RenewalDate: v.date(180, 1100, 0.05, 0.1),
    OriginalContractDate: v.date(-700, 0, 0.05, 0.08),
    CurrentScore: v.maybe(rng.between(0, 100), 0.15),
    Csm: v.lookup('gsuser', 0.1),
    CompanyType: v.picklist('Company Type', 0.05),
    Tags: tags,
    CurrencyIsoCode: rng.pick(text.CURRENCIES),
    ErpAccountNumber__gc: erpNumber,
    HealthNotes__gc: rng.chance(0.4) ? null : v.sentences(1, 2),
    ChurnRisk__gc: v.maybe(rng.chance(0.2), 0.3),
  };
};

const gsuser: Generator = (row, rng, v) => {
  const { first, last } = v.personName();
  const email = `${asciiFold(first)}.${asciiFold(last)}.${row}@example.com`;
  let sfdcId = '005';
  while (sfdcId.length < 18) sfdcId += rng.uint32().toString(36).toUpperCase();
  return {
    Name: `${first} ${last}`,
    FirstName: first,
    LastName: last,
    Email: email,
    SFDCUserName: v.maybe(`${email}.sfdc`, 0.2),
    SfdcUserId: v.maybe(sfdcId.slice(0, 18), 0.2),
    LicenseType: rng.pick(['Full', 'Full', 'Viewer', 'Read Only']),
    IsActiveUser: rng.chance(0.9),
    SystemType: rng.chance(0.95) ? 'Internal' : 'Integration',
    Manager: v.lookup('gsuser', 0.2),
    Timezone: rng.pick(text.TIMEZONES),
    Title: v.maybe(rng.pick(text.TITLES), 0.1),
    Locale: rng.pick(text.LOCALES),
    Region__gc: v.maybe(rng.pick(text.REGIONS), 0.2),
    StartDate__gc: v.date(-1500, 0, 0.1, 0.05),
  };
};

const callToAction: Generator = (_row, rng, v) => {
  const closed = rng.chance(0.4);
  return {
    Name: rng.pick(text.CTA_SUBJECTS),
    CompanyId: v.lookup('Company'),
    DueDate: v.date(7, 120, 0.02, 0.05),
    EntityType: rng.chance(0.85) ? 'COMPANY' : 'RELATIONSHIP',
    IsClosed: closed,
    IsImportant: rng.chance(0.15),
    OwnerId: v.lookup('gsuser'),
    PriorityId: v.picklist('CTA Priority'),
    ReasonId: v.picklist('CTA Reason', 0.1),
    StatusId: v.picklist('CTA Status'),
    TypeId: v.picklist('CTA Type'),
    Comments: rng.chance(0.5) ? null : `<p>${v.sentences(1, 3)}</p>`,
    EscalationLevel__gc: v.maybe(rng.between(0, 3), 0.3),
    Playbook__gc: rng.pick(text.PLAYBOOKS),
  };
};

const csTask: Generator = (_row, rng, v) => {
  const closed = rng.chance(0.4);
  return {
    Name: rng.pick(text.TASK_NAMES),
    OwnerId: v.lookup('gsuser', 0.05),
    DueDate: v.date(1, 60, 0.05, 0.05),
    StatusId: v.picklist('Task Status'),
    ClosedDate: closed ? v.date(0, 60, 0, 0) : rng.chance(0.5) ? '' : null,
    CtaId: v.lookup('call_to_action', 0.1),
    EffortHours__gc: v.maybe(Math.round(rng.next() * 400) / 10, 0.3),
    Blocked__gc: v.maybe(rng.chance(0.1), 0.2),
  };
};

const ctaGroup: Generator = (_row, rng, v) => {
  const open = rng.between(0, 20);
  return {
    Name: rng.pick(text.PLAN_NAMES),
    DueDate: v.date(30, 365, 0.05, 0.05),
    PercentComplete: v.maybe(Math.round(rng.next() * 10000) / 100, 0.1),
    OpenCtas: open,
    OverdueCtas: rng.between(0, open),
    SuccessPlanTypeId: v.picklist('Success Plan Type'),
    StatusId: v.picklist('Success Plan Status'),
    CompanyId: v.lookup('Company'),
    Budget__gc: v.maybe(v.cents(1_000, 250_000), 0.4),
    ExecutiveSponsor__gc: v.lookup('gsuser', 0.5),
  };
};

function activityTimeline(context: GenerationContext): Generator {
  return (_row, rng, v) => {
    const relationship = rng.chance(0.2);
    const userRows = context.baseRowCount('gsuser');
    const userRow = rng.int(userRows);
    const user = context.baseRecord('gsuser', userRow);
    const notes = v.sentences(1, 4);
    const source = rng.pick(text.ACTIVITY_SOURCES);
    const external = source === 'EMAIL' || source === 'MEETING' ? rng.pick(text.EXTERNAL_SOURCES) : null;
    const activityDate = rng.chance(0.02) ? '' : Math.max(WINDOW_START_MS, v.created - rng.int(30 * DAY_MS));
    const attendees: string[] = [];
    for (let i = rng.between(0, 3); i > 0; i--) attendees.push(`${rng.pick(text.FIRST_NAMES)} ${rng.pick(text.LAST_NAMES)}`);
    return {
      ActivityDate: activityDate,
      Subject: rng.pick(text.MEETING_SUBJECTS),
      Notes: `<p>${notes}</p>`,
      NotesPlainText: notes,
      ContextName: relationship ? 'Relationship' : 'Company',
      GsCompanyId: v.lookup('Company'),
      GsRelationshipId: relationship ? v.foreignGsid('1P05') : null,
      GsRelationshipTypeId: relationship ? v.foreignGsid('1P06') : null,
      AuthorId: context.gsidOf('gsuser', userRow),
      ExternalId: external === null ? null : `${external.toLowerCase()}-${rng.uint32().toString(16)}`,
      ExternalSource: external,
      InternalAttendees: attendees.length === 0 ? null : attendees.join(', '),
      ExternalAttendees: rng.chance(0.5) ? null : `contact${rng.int(1000)}@customer.example`,
      DurationInMins: v.maybe(rng.pick([15, 30, 45, 60, 90, 120]), 0.3),
      MilestoneType: v.picklist('Milestone Type', 0.8),
      ReportingCategory: v.picklist('Reporting Category', 0.1),
      Source: source,
      UserId: context.gsidOf('gsuser', userRow),
      UserName: user['Name'] ?? null,
      UserEmail: user['Email'] ?? null,
      Ant__Sentiment__c: v.picklist('Sentiment', 0.3),
      Ant__Follow_Up_Date__c: v.date(1, 30, 0.5, 0.2),
    };
  };
}

function daPicklist(context: GenerationContext): Generator {
  return (row, rng) => {
    const index = context.picklistItemOfRow(row);
    const item = PICKLIST_ITEMS[index];
    if (item === undefined) throw new Error(`da_picklist has no row ${row}`);
    const firstOfCategory = PICKLIST_ITEMS.findIndex((candidate) => candidate.category === item.category);
    return {
      Name: item.name,
      Category: item.category,
      IsActive: item.isActive,
      Deleted: item.deleted,
      CtaType: item.ctaType,
      SpType: item.spType,
      SortOrder__gc: index - firstOfCategory + 1,
      Color__gc: rng.chance(0.3) ? null : rng.pick(text.COLORS),
    };
  };
}

/** Builds record generators for every object that has base rows. */
export function createRecordGenerator(context: GenerationContext) {
  const generators: Record<string, Generator> = {
    Company: company,
    gsuser,
    call_to_action: callToAction,
    cs_task: csTask,
    cta_group: ctaGroup,
    activity_timeline: activityTimeline(context),
    da_picklist: daPicklist(context),
  };

  /** Generates row `row` of the object with every field, omitted or not. */
  return (object: ObjectDefinition, row: number): InternalRecord => {
    const generate = generators[object.name];
    if (generate === undefined) throw new Error(`${object.name} has no generated rows`);
    const rng = new Random(context.seed, object.name, row);
    const modified = context.modifiedAt(object.name, row);
    // One row in seven was never edited after creation, so its two dates are equal.
    const created = rng.chance(1 / 7) ? modified : WINDOW_START_MS + Math.floor(rng.next53() * (modified - WINDOW_START_MS));
    const helpers = new Helpers(context, rng, created);
    const record: InternalRecord = {
      Gsid: context.gsidOf(object.name, row),
      CreatedDate: created,
      [object.replicationField]: modified,
      CreatedBy: helpers.lookup('gsuser'),
      [object.modifierField]: helpers.lookup('gsuser'),
    };
    return Object.assign(record, generate(row, rng, helpers));
  };
}
