import { findRule } from '../rules/index.js';
import { childPath, isRecord, readStringArray, rejectUnknownKeys, type Issues } from './check-value.js';

/** What a config may set a rule to. `error` raises only proven findings: an assumed one stays a warning. */
export type RuleSetting = 'error' | 'warning' | 'off';
const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'off'];

/** Findings of these rules, on these repository paths (globs), are not reported. */
export interface PathIgnore {
  paths: string[];
  rules: string[];
}

/** `rules: { "missing-package": "warning", "DG107": "error" }`, keyed by rule name once read. */
export function readRuleSettings(value: unknown, issues: Issues): Record<string, RuleSetting> | undefined {
  if (!isRecord(value)) {
    issues.push('rules: expected an object of rule name or code → "error", "warning" or "off"');
    return undefined;
  }
  const settings: Record<string, RuleSetting> = {};
  for (const [key, setting] of Object.entries(value)) {
    const path = childPath('rules', key);
    const rule = findRule(key);
    if (!rule) issues.push(`${path}: unknown rule (see dockguard check --help for the rule table)`);
    if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) issues.push(`${path}: expected "error", "warning" or "off"`);
    else if (rule) settings[rule.name] = setting as RuleSetting;
  }
  return settings;
}

/** `ignore: [{ "paths": ["legacy/**"], "rules": ["missing-package"] }]`; rules by name or code, none = every rule. */
export function readPathIgnores(value: unknown, issues: Issues): PathIgnore[] | undefined {
  if (!Array.isArray(value)) {
    issues.push('ignore: expected an array of { "paths": [...], "rules": [...] }');
    return undefined;
  }
  return value.flatMap((entry, i) => {
    const path = childPath('ignore', i);
    if (!isRecord(entry)) {
      issues.push(`${path}: expected an object with "paths" and "rules"`);
      return [];
    }
    rejectUnknownKeys(entry, ['paths', 'rules'], path, issues);
    const paths = readStringArray(entry.paths, childPath(path, 'paths'), issues) ?? [];
    const rules = entry.rules === undefined ? [] : (readRuleNames(entry.rules, childPath(path, 'rules'), issues) ?? []);
    return [{ paths, rules }];
  });
}

/** A list of rule names or codes, each turned into its name; unknown ones are issues. */
export function readRuleNames(value: unknown, path: string, issues: Issues): string[] | undefined {
  const names = readStringArray(value, path, issues);
  if (!names) return undefined;
  const known: string[] = [];
  names.forEach((name, i) => {
    const rule = findRule(name);
    if (rule) known.push(rule.name);
    else issues.push(`${childPath(path, i)}: unknown rule ${JSON.stringify(name)}`);
  });
  return known;
}
