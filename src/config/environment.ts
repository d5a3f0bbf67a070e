import { type ConfigLayer, type JsonObject } from './merge-layers.js';
import { environmentVariableName, isSecretPath, leafSettingSchemas } from './settings.js';
import { describeFix } from './describe-problem.js';

/** The `--config` value that reads settings from `TAP_GAINSIGHT_*` environment variables. */
export const environmentSource = 'ENV';

/** Settings read from the environment, and one line for each variable that could not be read. */
export interface EnvironmentResult {
  layer: ConfigLayer;
  problems: string[];
}

const decimalPattern = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads one `TAP_GAINSIGHT_<SETTING>` variable per setting (`TAP_GAINSIGHT_PAGE_SIZE`,
 * `TAP_GAINSIGHT_CREDENTIALS_ACCESS_TOKEN`), typed by the schema: numbers are parsed, and a value
 * that is not a number is a problem naming the variable. An empty variable counts as unset, as in
 * `TAP_GAINSIGHT_START_DATE= tap-gainsight ...`.
 *
 * NOTE: other `TAP_GAINSIGHT_*` variables are ignored, as the Meltano SDK does, because Meltano
 * also exports its own extras under this prefix (`TAP_GAINSIGHT__SELECT`). So a misspelled
 * variable name is not reported.
 */
export function readEnvironment(env: NodeJS.ProcessEnv): EnvironmentResult {
  const values: JsonObject = {};
  const problems: string[] = [];

  for (const [path, schema] of leafSettingSchemas()) {
    const variable = environmentVariableName(path);
    const text = env[variable];
    if (text === undefined || text === '') continue;

    const value = typeFromSchema(text, String(schema.type));
    if (value === undefined) {
      const valueText = isSecretPath(path) ? 'The value' : JSON.stringify(text);
      problems.push(
        `${variable} (setting ${path}): ${valueText} is not a ${schema.type === 'boolean' ? 'boolean' : 'number'}. ${describeFix(path)}`,
      );
      continue;
    }

    setPath(values, path, value);
  }

  return { layer: { values, originOf: environmentVariableName }, problems };
}

// Returns `undefined` when the text cannot be read as the schema's type.
function typeFromSchema(text: string, type: string): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      return decimalPattern.test(text.trim()) ? Number(text) : undefined;
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      return undefined;
    default:
      return text;
  }
}

function setPath(values: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = values;

  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as JsonObject;
  }

  node[last] = value;
}
