import { describeSetting, joinList } from './describe-problem.js';
import { type MergedConfig, valueAt } from './merge-layers.js';
import { Secret } from './secret.js';
import { accessKeySettings, environmentVariableName } from './settings.js';

/** The access key, or the problem line that explains why none could be chosen. */
export type AccessKeyResult = { ok: true; accessKey: Secret } | { ok: false; problem: string };

// Visible ASCII only: the key travels in the Accesskey header, and Gainsight's keys are
// UUID-like. A space or line break is almost always a copy-and-paste slip.
const headerSafeKey = /^[\x21-\x7e]+$/;

/**
 * Picks the access key from `credentials.access_token` or its aliases `credentials.api_token`
 * and `access_key`. Any number of them may be set if they hold the same value. Messages name the
 * settings but never show a value.
 */
export function resolveAccessKey(merged: MergedConfig): AccessKeyResult {
  const setPaths = accessKeySettings.filter(
    (path) => typeof valueAt(merged.values, path) === 'string',
  );
  const [canonical] = accessKeySettings;

  if (setPaths.length === 0) {
    return {
      ok: false,
      problem:
        `${canonical} is missing. Add the Gainsight access key as ${canonical}, or set ` +
        `${environmentVariableName(canonical)} and pass --config ENV.`,
    };
  }

  const distinct = new Set(setPaths.map((path) => valueAt(merged.values, path) as string));
  if (distinct.size > 1) {
    const settings = setPaths.map((path) =>
      describeSetting(path, undefined, merged.origins.get(path), false),
    );
    return {
      ok: false,
      problem: `${joinList(settings, 'and')} hold different access keys. Keep only one of them.`,
    };
  }

  const accessKey = [...distinct][0] as string;
  if (!headerSafeKey.test(accessKey)) {
    const setting = describeSetting(setPaths[0] as string, undefined, merged.origins.get(setPaths[0] as string), false);
    return {
      ok: false,
      problem:
        `${setting} contains a space, line break or other character that cannot be sent in an ` +
        'HTTP header. Copy the access key again from Gainsight.',
    };
  }

  return { ok: true, accessKey: new Secret(accessKey) };
}

/** Returns every string given for the access key or an alias, so that messages can be redacted. */
export function accessKeyValues(merged: MergedConfig): string[] {
  return accessKeySettings
    .map((path) => valueAt(merged.values, path))
    .filter((value): value is string => typeof value === 'string');
}
