import { ConfigError } from '../errors/index.js';
import { redact } from '../logging/redact.js';
import { accessKeyValues, resolveAccessKey } from './access-key.js';
import { readConfigFile } from './config-file.js';
import { configSchema } from './config-schema.js';
import { describeFix, describeSetting } from './describe-problem.js';
import { resolveDomain } from './domain.js';
import { environmentSource, readEnvironment } from './environment.js';
import { type ConfigLayer, type MergedConfig, mergeLayers } from './merge-layers.js';
import { type Secret } from './secret.js';
import { accessKeySettings } from './settings.js';
import { defaultStartDate, parseStartDate } from './start-date.js';
import { problemKey, validateConfig } from './validate-config.js';

/** The settings after validation, with defaults applied, in the form the rest of the tap uses. */
export interface ResolvedConfig {
  /** Access key; prints as `[redacted]`, `reveal()` returns it. */
  readonly accessKey: Secret;
  readonly credentialsTitle: string;
  /** The `domain` setting as given. */
  readonly domain: string;
  /** Origin of the API, such as `https://acme.gainsightcloud.com`, without a trailing slash. */
  readonly baseUrl: string;
  /** Start of the first sync of a stream with no bookmark. */
  readonly startDate: Date;
  /** Records per query API call. */
  readonly pageSize: number;
  /** Time allowed for each response, in milliseconds. */
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  readonly requestsPerMinute: number;
  readonly maxConcurrentRequests: number;
}

/** Settings that matched the schema, defaults applied; access key aliases are still separate. */
interface ValidatedSettings {
  credentials?: { access_token?: string; api_token?: string; credentials_title?: string };
  access_key?: string;
  domain: string;
  start_date?: string;
  page_size: number;
  request_timeout_seconds: number;
  max_retries: number;
  requests_per_minute: number;
  max_concurrent_requests: number;
}

/**
 * Loads the settings from the `--config` values in order: each is a JSON file, or `ENV` for the
 * `TAP_GAINSIGHT_*` environment variables. Later files win, objects are merged key by key, and
 * environment variables win over every file wherever `ENV` appears.
 *
 * Throws a `ConfigError` that lists every problem found, one line each, without the access key.
 * `now` is the time the run starts; the default `start_date` counts back from it.
 */
export function loadConfig(
  sources: readonly string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): ResolvedConfig {
  if (sources.length === 0) {
    throw new ConfigError(
      'No configuration was given. Pass --config with a JSON file (it may be repeated), or ' +
        '--config ENV to read TAP_GAINSIGHT_* environment variables.',
    );
  }

  // A file that cannot be read makes every other check unreliable, so those come alone.
  const { layers, fileProblems, environmentProblems } = readSources(sources, env);
  if (fileProblems.length > 0) throw new ConfigError([...fileProblems, ...environmentProblems]);

  const merged = mergeLayers(layers);
  const problems = [...environmentProblems, ...checkSettings(merged)];
  if (problems.length > 0) {
    // Messages never quote the access key settings, but a user may have pasted the key into
    // another setting (or a host's user info), so every line is redacted as well.
    const secrets = accessKeyValues(merged);
    throw new ConfigError(problems.map((problem) => redact(problem, secrets)));
  }

  return resolveSettings(merged, now);
}

// Reads every file in order, then the environment on top, so that environment values win over
// files wherever ENV appears among the sources.
function readSources(
  sources: readonly string[],
  env: NodeJS.ProcessEnv,
): { layers: ConfigLayer[]; fileProblems: string[]; environmentProblems: string[] } {
  const layers: ConfigLayer[] = [];
  const fileProblems: string[] = [];
  const environmentProblems: string[] = [];

  for (const source of sources) {
    if (source === environmentSource) continue;

    const file = readConfigFile(source);
    if (file.ok) layers.push(file.layer);
    else fileProblems.push(file.problem);
  }

  if (sources.includes(environmentSource)) {
    const environment = readEnvironment(env);
    layers.push(environment.layer);
    environmentProblems.push(...environment.problems);
  }

  return { layers, fileProblems, environmentProblems };
}

// Validates against the schema, then checks the rules the schema cannot state: one access key
// among the aliases, the forms of `domain`, and that `start_date` is a real instant. A setting
// that failed the schema is not checked again, so each setting gets at most one line.
function checkSettings(merged: MergedConfig): string[] {
  const problems = validateConfig(merged);

  // A setting failed when it, or a settings object above it, has a problem.
  const failed = (path: string): boolean => {
    const keys = path.split('.');
    return keys.some((_, index) => problems.has(problemKey(keys.slice(0, index + 1).join('.'))));
  };

  if (!accessKeySettings.some(failed)) {
    const accessKey = resolveAccessKey(merged);
    if (!accessKey.ok) problems.set(problemKey('credentials.access_token'), accessKey.problem);
  }

  const { domain, start_date: startDate } = merged.values as Partial<ValidatedSettings>;
  const origin = (path: string) => merged.origins.get(path);

  if (typeof domain === 'string' && !failed('domain')) {
    const resolved = resolveDomain(domain);
    if (!resolved.ok) {
      problems.set(
        problemKey('domain'),
        `${describeSetting('domain', domain, origin('domain'), !resolved.hidesValue)} ${resolved.problem}`,
      );
    }
  }

  if (
    typeof startDate === 'string' &&
    !failed('start_date') &&
    parseStartDate(startDate) === undefined
  ) {
    problems.set(
      problemKey('start_date'),
      `${describeSetting('start_date', startDate, origin('start_date'))} is not a real date or time. ${describeFix('start_date')}`,
    );
  }

  return [...problems.values()];
}

function resolveSettings(merged: MergedConfig, now: Date): ResolvedConfig {
  const settings = merged.values as unknown as ValidatedSettings;
  const accessKey = resolveAccessKey(merged);
  const domain = resolveDomain(settings.domain);

  // Both were checked by checkSettings, so a failure here is a bug in this module.
  if (!accessKey.ok || !domain.ok) {
    throw new Error('loadConfig resolved settings that failed their checks');
  }

  const titleDefault = configSchema.properties.credentials.properties.credentials_title.default;
  const startDate =
    settings.start_date === undefined ? undefined : parseStartDate(settings.start_date);

  return Object.freeze({
    accessKey: accessKey.accessKey,
    credentialsTitle: settings.credentials?.credentials_title ?? titleDefault,
    domain: settings.domain,
    baseUrl: domain.baseUrl,
    startDate: startDate ?? defaultStartDate(now),
    pageSize: settings.page_size,
    requestTimeoutMs: settings.request_timeout_seconds * 1000,
    maxRetries: settings.max_retries,
    requestsPerMinute: settings.requests_per_minute,
    maxConcurrentRequests: settings.max_concurrent_requests,
  });
}
