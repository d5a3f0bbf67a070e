/**
 * Word lists for generated text. They mix plain ASCII with accented Latin, CJK and emoji, so a
 * client's encoding and escaping are exercised.
 */

export const COMPANY_STEMS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne',
  'Soylent', 'Wonka', 'Oscorp', 'Gringotts', 'Nakatomi', 'Massive Dynamic', 'Blue Sun', 'Aperture',
  'Café Núñez', 'Ångström', 'Zoë’s', 'Søndergård', 'Łódź Logistik', 'Müller & Söhne', 'Ñandú',
  '東京精密', '北京星辰', 'サクラ', '한빛', 'Rocket 🚀', 'Orbital ✨', 'Δέλτα', 'Београд',
];

export const COMPANY_SUFFIXES = [
  'Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'AG', 'Corp', 'Group', 'Holdings', 'Labs', 'Systems',
  'Technologies', 'Partners', '株式会社', 'Co.',
];

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sofía', 'José', 'Zoë', 'Chloé', 'Björn', 'Åsa',
  'Łukasz', 'Dvořák', 'Priya', 'Arjun', 'Wei', 'Mei', '翔太', 'さくら', 'Jürgen', 'François', 'Nuño',
  'Aisha', 'Omar', 'Ngozi', 'Kwame', 'Hana', 'Min-jun', 'Siobhán',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'García', 'Müller', 'Núñez', 'Østergaard', 'Kowalski', 'Nguyen', 'Kim', 'Patel',
  'Okafor', 'Rossi', 'Dubois', 'Novák', 'Silva', 'Tanaka', '山田', '王', 'O’Brien', 'Van der Berg',
  'Ivanova', 'Haddad', 'Lindqvist', 'Fernández', 'Çelik',
];

export const TITLES = [
  'Customer Success Manager', 'Senior CSM', 'Director of Customer Success', 'VP Customer Success',
  'Onboarding Specialist', 'Renewals Manager', 'Solutions Architect', 'Account Executive', 'Support Lead',
];

export const TIMEZONES = [
  'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata',
  'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo',
];

export const LOCALES = ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'es_ES', 'ja_JP', 'pt_BR', 'zh_CN'];

export const REGIONS = ['NA West', 'NA East', 'EMEA', 'DACH', 'APAC', 'LATAM', 'ANZ'];

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'CHF', 'INR'];

export const CTA_SUBJECTS = [
  'Usage dropped 30% this month', 'Renewal in 90 days', 'Executive sponsor left', 'NPS detractor follow-up',
  'Expansion: new department interested', 'Onboarding kickoff', 'Support escalation P1', 'Invoice overdue',
  'Quarterly business review', 'Adoption of reporting module', 'Réunion de suivi', '契約更新の確認',
];

export const TASK_NAMES = [
  'Schedule call with sponsor', 'Send usage report', 'Review support tickets', 'Prepare QBR deck',
  'Confirm renewal terms', 'Run training session', 'Update success plan', 'Log meeting notes',
  'Follow up on invoice', 'Invite to beta program', 'Nachfassen beim Kunden', 'フォローアップのメール',
];

export const PLAN_NAMES = [
  'Onboarding plan', 'Adoption plan FY25', 'Renewal readiness', 'Expansion into EMEA', 'Executive alignment',
  'Health recovery plan', 'Plan de adopción', '導入計画',
];

export const MEETING_SUBJECTS = [
  'Weekly sync', 'Kickoff call', 'QBR', 'Escalation review', 'Training: dashboards', 'Renewal discussion',
  'Health check', 'Product roadmap preview', 'Point hebdomadaire ☕', '定例ミーティング', 'Go-live celebration 🎉',
];

export const NOTE_SENTENCES = [
  'Customer is happy with the new release.', 'Asked about SSO and SCIM provisioning.',
  'Budget approval expected next quarter.', 'Concerned about API rate limits.',
  'Champion moved to a new role; need a new sponsor.', 'Requested a roadmap session.',
  'Le client souhaite une formation supplémentaire.', 'Der Vertrag wird im Mai verlängert.',
  '来月のリリースを楽しみにしている。', 'Great call 👍 — follow-up scheduled.',
  'Mentioned "line one\nline two" formatting issues in exports.',
];

export const EXTERNAL_SOURCES = ['Zoom', 'Gmail', 'Outlook', 'Salesforce', 'Slack', 'Gong'];

export const ACTIVITY_SOURCES = ['TIMELINE', 'EMAIL', 'MEETING', 'CALL', 'API', 'BULK_IMPORT'];

export const PLAYBOOKS = ['Risk: low usage', 'Renewal: 120 days', 'Onboarding: enterprise', 'Expansion: upsell', null];

export const COLORS = ['#1F77B4', '#FF7F0E', '#2CA02C', '#D62728', '#9467BD', '#8C564B'];
