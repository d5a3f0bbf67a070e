import { configSchema, environmentVariableName, listSettings, type SettingInfo } from '../config/index.js';
import { packageInfo } from '../package-root.js';

/**
 * The Meltano capabilities the tap has, each backed by an option of its command line: `about`
 * (`--about`), `catalog` (`--catalog`), `discover` (`--discover`), `properties` (`--properties`),
 * `state` (`--state` and STATE messages) and `test` (`--test`). Meltano passes options by these,
 * so a capability listed here without its option would break a run.
 */
export const capabilities = ['about', 'catalog', 'discover', 'properties', 'state', 'test'] as const;

/** Output formats of `--about`, named as the Meltano SDK names them. */
export const aboutFormats = ['text', 'json', 'markdown'] as const;
export type AboutFormat = (typeof aboutFormats)[number];

/**
 * Formats what `--about` prints: name, description, version, capabilities and settings, in the
 * shapes Meltano SDK taps print. `json` carries the configuration's JSON Schema as `settings`;
 * `text` and `markdown` list each setting by its dotted path, as config files and
 * `--config ENV` name it.
 */
export function formatAbout(format: AboutFormat): string {
  switch (format) {
    case 'json':
      return formatJson();
    case 'markdown':
      return formatMarkdown();
    case 'text':
      return formatText();
  }
}

function formatJson(): string {
  const about = {
    name: packageInfo.name,
    description: packageInfo.description,
    version: packageInfo.version,
    capabilities,
    settings: configSchema,
  };
  return `${JSON.stringify(about, null, 2)}\n`;
}

function formatText(): string {
  const lines = [
    `Name: ${packageInfo.name}`,
    `Description: ${packageInfo.description}`,
    `Version: ${packageInfo.version}`,
    'Capabilities:',
    ...capabilities.map((capability) => `  - ${capability}`),
    'Settings:',
  ];

  for (const setting of listSettings()) {
    lines.push(`  - Name: ${setting.name}`);
    lines.push(`    Type: ${setting.type}`);
    lines.push(`    Required: ${setting.required}`);
    lines.push(`    Secret: ${setting.secret}`);
    if (setting.default !== undefined) lines.push(`    Default: ${String(setting.default)}`);
    if (setting.aliasOf !== undefined) lines.push(`    Alias Of: ${setting.aliasOf}`);
    lines.push(`    Environment Variable: ${setting.environmentVariable}`);
  }

  return `${lines.join('\n')}\n`;
}

function formatMarkdown(): string {
  const lines = [
    `# \`${packageInfo.name}\``,
    '',
    packageInfo.description,
    '',
    '## Capabilities',
    '',
    ...capabilities.map((capability) => `- \`${capability}\``),
    '',
    '## Settings',
    '',
    '| Setting | Required | Default | Description |',
    '|:--------|:--------:|:-------:|:------------|',
    ...listSettings().map(markdownRow),
    '',
    `With \`--config ENV\`, each setting is read from the environment variable named after its path, such as \`${environmentVariableName('domain')}\`.`,
    '',
    `A full list of supported settings and capabilities is available by running: \`${packageInfo.name} --about\``,
  ];
  return `${lines.join('\n')}\n`;
}

function markdownRow(setting: SettingInfo): string {
  const cells = [
    setting.name,
    setting.required ? 'yes' : 'no',
    setting.default === undefined ? '' : String(setting.default),
    setting.description,
  ];
  // A `|` inside a cell would end it early, so it is escaped as GitHub-flavoured Markdown reads it.
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}
