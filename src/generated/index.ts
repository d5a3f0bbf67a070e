/* This file is generated from schemas/ by `npm run generate:types`. Do not edit it by hand. */

export type { ActivityTimeline } from './activity_timelines.js';
export type { CallToAction } from './call_to_actions.js';
export type { Company } from './companies.js';
export type { CsTask } from './cs_tasks.js';
export type { PicklistItem } from './da_picklist.js';
export type { SuccessPlan } from './success_plans.js';
export type { User } from './users.js';
