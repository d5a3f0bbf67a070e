export {
  airbyteConnectionSpecification,
  configSchema,
  type JsonSchemaObject,
} from './config-schema.js';
export { environmentSource } from './environment.js';
export { loadConfig, type ResolvedConfig } from './load-config.js';
export { Secret } from './secret.js';
export { environmentVariableName, listSettings, type SettingInfo } from './settings.js';
