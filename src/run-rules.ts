import { RULES, findRule } from './rules/index.js';
import { unusedIgnore } from './rules/DG013-unused-ignore.js';
import { applySuppressions, collectSuppressions } from './suppress/apply-suppressions.js';
import type { Finding, Problem, ServiceAnalysis } from './types.js';

/** Findings of every service, minus those silenced inline, plus the ignore comments that silenced nothing. */
export function runAllRules(analyses: readonly ServiceAnalysis[]): Finding[] {
  const findings = analyses.flatMap(runRules);
  const owner = new Map<string, ServiceAnalysis>();
  const suppressions = analyses.flatMap((analysis) => {
    const found = collectSuppressions(analysis);
    for (const s of found) if (!owner.has(s.file)) owner.set(s.file, analysis);
    return found;
  });
  const { kept, unused } = applySuppressions(findings, suppressions);
  return [
    ...kept,
    ...unused.map((s) => {
      const { dockerfile, variant } = owner.get(s.file)!.service;
      const what = s.rules.length ? s.rules.join(', ') : 'every rule';
      return {
        code: unusedIgnore.code,
        rule: unusedIgnore.name,
        severity: unusedIgnore.severity,
        service: dockerfile,
        ...(variant !== undefined ? { variant } : {}),
        file: s.file,
        line: s.line,
        message: `this dockguard ignore comment (${what}) silences nothing; remove it`,
      };
    }),
  ];
}

/** Every rule over one service, findings tagged with the service (and variant). */
export function runRules(analysis: ServiceAnalysis): Finding[] {
  const { dockerfile, variant } = analysis.service;
  return RULES.flatMap((rule) => rule.check(analysis)).map(({ code, rule, severity, ...rest }) => ({
    code,
    rule,
    severity,
    service: dockerfile,
    ...(variant !== undefined ? { variant } : {}),
    ...rest,
  }));
}

/** Discovery problems concern a build file, not one service: the file stands in for the service. */
export function globalFinding(problem: Problem): Finding {
  const rule = findRule(problem.rule);
  return {
    code: rule?.code ?? 'DG000',
    rule: problem.rule,
    severity: problem.severity ?? rule?.severity ?? 'error',
    service: problem.file,
    file: problem.file,
    line: problem.line,
    message: problem.message,
  };
}
