export { check, type CheckOptions } from './pipeline.js';
export { formatJson } from './report/json.js';
export { formatText } from './report/text.js';
export { exitCodeFor, type CheckResult, type ServiceReport } from './result.js';
export { loadConfig } from './config/load-config.js';
export { RULES } from './rules/index.js';
export type * from './types.js';
