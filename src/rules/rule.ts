import type { Observation, Problem, ServiceAnalysis, Severity } from '../types.js';

/**
 * A rule: a stable code and name, documentation (the README's rule table and
 * `--help` come from here) and a pure check over one service's analysis.
 */
export interface Rule {
  code: string;
  name: string;
  /** Default severity; a rule may lower it per finding (guarded imports). */
  severity: Severity;
  /** What it catches, in one line. */
  summary: string;
  /** Why it breaks the container. */
  why: string;
  /** What to do about a finding, in one line (`dockguard rules CODE`, the README's rule reference, SARIF help). */
  fix: string;
  check(analysis: ServiceAnalysis): Observation[];
}

/** Observations for the model problems recorded under `name`. */
export function observeProblems(rule: Pick<Rule, 'code' | 'name' | 'severity'>, problems: readonly Problem[]): Observation[] {
  return problems
    .filter((p) => p.rule === rule.name)
    .map((p) => ({
      code: rule.code,
      rule: rule.name,
      severity: p.severity ?? rule.severity,
      file: p.file,
      line: p.line,
      message: p.message,
      ...(p.module !== undefined ? { module: p.module } : {}),
      ...(p.fix ? { fix: p.fix } : {}),
      ...(p.assumption !== undefined ? { assumption: p.assumption } : {}),
    }));
}

/** Every problem recorded for a service, wherever in the model it came from. */
export function allProblems(analysis: ServiceAnalysis): Problem[] {
  return [...analysis.problems, ...(analysis.image?.problems ?? []), ...(analysis.launch?.problems ?? [])];
}
