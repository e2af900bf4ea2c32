import { createGlobMatcher } from '../config/create-glob-matcher.js';
import type { PathIgnore, RuleSetting } from '../config/validate-rule-control.js';
import type { Finding } from '../types.js';

/** Which rules a check reports and how loudly: config first, then the command line. */
export interface RuleControl {
  /** Rule name → setting: the defaults, overridden by the config's `rules`. */
  settings: Readonly<Record<string, RuleSetting>>;
  /** The config's per-path ignores. */
  ignore: readonly PathIgnore[];
  /** `--select`: only these rules (names) are reported; undefined = all. */
  select?: readonly string[];
  /** `--ignore`: these rules (names) are not reported. */
  ignoreRules?: readonly string[];
}

/**
 * Findings as the team configured them: rules turned off or not selected
 * are dropped, as are findings on ignored paths; a severity setting applies
 * to proven findings, and lowers assumed ones at most: an assumed finding is
 * never an error, whatever the config says (the principle of run-rules.ts).
 */
export function applyRuleControl(findings: readonly Finding[], control: RuleControl): Finding[] {
  const ignores = control.ignore.map(({ paths, rules }) => ({ matches: createGlobMatcher(paths), rules: new Set(rules) }));
  const isIgnoredOnPath = (f: Finding) => ignores.some(({ matches, rules }) => (rules.size === 0 || rules.has(f.rule)) && (matches(f.file) || matches(f.service)));
  return findings.flatMap((finding) => {
    if (control.ignoreRules?.includes(finding.rule)) return [];
    if (control.select && !control.select.includes(finding.rule)) return [];
    // The command line comes last in precedence: selecting a rule turns it on even where the config has it off.
    const setting = control.settings[finding.rule];
    if (setting === 'off' && !control.select) return [];
    if (isIgnoredOnPath(finding)) return [];
    if (setting === undefined || setting === 'off' || setting === finding.severity) return [finding];
    if (setting === 'error' && finding.evidence === 'assumed') return [finding];
    return [{ ...finding, severity: setting }];
  });
}
