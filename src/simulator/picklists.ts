/**
 * The rows of `da_picklist`: a fixed list of picklist items whose size does not depend on the
 * scale. Every PICKLIST and MULTISELECTDROPDOWNLIST field of the other objects contains Gsids of
 * the items of one category here.
 */

export interface PicklistItem {
  name: string;
  category: string;
  isActive: boolean;
  deleted: boolean;
  /** CTA type an item belongs to (for CTA statuses, reasons and priorities), else null. */
  ctaType: string | null;
  /** Success plan type an item belongs to, else null. */
  spType: string | null;
}

interface Category {
  category: string;
  names: string[];
  /** Names of items that an admin switched off; fields never hold them. */
  inactive?: string[];
  /** Names of items that were deleted; fields never hold them. */
  deleted?: string[];
  ctaType?: string;
  spType?: string;
}

const CATEGORIES: Category[] = [
  {
    category: 'Industry',
    names: [
      'Software', 'Healthcare', 'Financial Services', 'Manufacturing', 'Retail', 'Education', 'Media',
      'Energy', 'Logistics', 'Telecommunications', 'Hospitality', 'Public Sector', 'Biotechnology',
      'Automotive', 'Agriculture', 'Insurance', 'Real Estate', 'Non-Profit',
    ],
    inactive: ['Telex Services'],
  },
  { category: 'Company Stage', names: ['Prospect', 'New Customer', 'Onboarding', 'Adopting', 'Mature', 'Renewal', 'Churned'] },
  { category: 'Company Status', names: ['Active', 'Inactive', 'Churn', 'Prospect'], deleted: ['On Hold'] },
  { category: 'Company Type', names: ['Customer', 'Partner', 'Prospect', 'Reseller', 'Internal'] },
  {
    category: 'Company Tag',
    names: ['Strategic', 'Referenceable', 'At Risk', 'Beta Program', 'Advocate', 'Enterprise', 'Mid-Market', 'SMB', 'Öko-Zertifiziert', '重点顧客'],
  },
  { category: 'CTA Priority', names: ['Critical', 'High', 'Medium', 'Low'] },
  {
    category: 'CTA Reason',
    names: ['Low Usage', 'Support Escalation', 'Renewal Risk', 'NPS Detractor', 'Sponsor Change', 'Payment Overdue'],
    ctaType: 'Risk',
  },
  { category: 'CTA Reason', names: ['Upsell', 'Cross-Sell', 'New Department'], ctaType: 'Expansion' },
  { category: 'CTA Reason', names: ['Onboarding', 'Quarterly Review', 'Renewal Prep'], ctaType: 'Lifecycle' },
  { category: 'CTA Status', names: ['New', 'Work in Progress', 'Closed Success', 'Closed Lost', 'Closed Invalid'], inactive: ['Snoozed'] },
  { category: 'CTA Type', names: ['Risk', 'Expansion', 'Lifecycle', 'Activity', 'Objective'] },
  { category: 'Task Status', names: ['Open', 'In Progress', 'Complete', 'Blocked', 'Cancelled'] },
  { category: 'Success Plan Type', names: ['Onboarding', 'Adoption', 'Renewal', 'Expansion', 'Executive Business Review'] },
  { category: 'Success Plan Status', names: ['Draft', 'Active', 'Complete', 'Cancelled'], spType: 'Onboarding' },
  { category: 'Success Plan Status', names: ['Draft', 'Active', 'Complete'], spType: 'Renewal' },
  { category: 'Milestone Type', names: ['Kickoff', 'Go Live', 'Contract Signed', 'Training Complete', 'QBR', 'Renewal'] },
  { category: 'Reporting Category', names: ['Meeting', 'Call', 'Email', 'Update', 'Escalation', 'Feedback'] },
  { category: 'Sentiment', names: ['Positive', 'Neutral', 'Negative', 'Très positif 🙂'] },
];

/** Picklist items in category order; `da_picklist` row i contains item i. */
export const PICKLIST_ITEMS: readonly PicklistItem[] = CATEGORIES.flatMap((entry) => {
  const item = (name: string, isActive: boolean, deleted: boolean): PicklistItem => ({
    name,
    category: entry.category,
    isActive,
    deleted,
    ctaType: entry.ctaType ?? null,
    spType: entry.spType ?? null,
  });
  return [
    ...entry.names.map((name) => item(name, true, false)),
    ...(entry.inactive ?? []).map((name) => item(name, false, false)),
    ...(entry.deleted ?? []).map((name) => item(name, false, true)),
  ];
});

/** Indexes into PICKLIST_ITEMS of the active items of each category, which fields may hold. */
export const ACTIVE_ITEMS_BY_CATEGORY: ReadonlyMap<string, readonly number[]> = (() => {
  const byCategory = new Map<string, number[]>();
  PICKLIST_ITEMS.forEach((item, index) => {
    if (!item.isActive || item.deleted) return;
    const list = byCategory.get(item.category) ?? [];
    list.push(index);
    byCategory.set(item.category, list);
  });
  return byCategory;
})();
