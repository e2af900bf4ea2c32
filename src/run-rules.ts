import { RULES, findRule } from './rules/index.js';
import { unusedIgnore } from './rules/DG013-unused-ignore.js';
import { applySuppressions, collectSuppressions } from './suppress/apply-suppressions.js';
import type { Finding, Observation, Problem, ServiceAnalysis } from './types.js';
import { python2Assumption, restsOnPython3, unknownInterpreterAssumption } from './analyze/python2-image.js';

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
        evidence: 'proven' as const,
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
  const python2 = python2Assumption(analysis);
  // Python 2's syntax is the one thing an unknown interpreter changes for every file; imports and copies read alike.
  const unknownSyntax = python2 === undefined ? unknownInterpreterAssumption(analysis) : undefined;
  return RULES.flatMap((rule) => rule.check(analysis)).map((observation) => {
    const assumption = python2 ?? (observation.rule === 'python-syntax-error' ? unknownSyntax : undefined);
    const { code, rule, ...rest } = withEvidence(assumption !== undefined && restsOnPython3(observation.rule) ? underPython2(observation, assumption) : observation);
    return { code, rule, ...rest, service: dockerfile, ...(variant !== undefined ? { variant } : {}) };
  });
}

/**
 * A Python finding of a Python 2 image: a guess, since dockguard models
 * Python 3, and without the fix, which Python 3's knowledge proposed
 * (`pip install urllib2` for a module of Python 2's standard library).
 */
function underPython2(observation: Observation, assumption: string): Observation {
  const { fix: _python3Fix, ...rest } = observation;
  return { ...rest, assumption: observation.assumption ?? assumption };
}

/**
 * The one place the principle "an error is a proof" is enforced: an
 * observation that names an assumption is `assumed`, and an assumed finding
 * is never more than a warning, whatever its rule's default severity.
 */
export function withEvidence(observation: Observation): Omit<Finding, 'service' | 'variant'> {
  if (observation.assumption === undefined) return { ...observation, evidence: 'proven' };
  const severity = observation.severity === 'error' ? 'warning' : observation.severity;
  return { ...observation, severity, evidence: 'assumed' };
}

/** Discovery problems concern a build file, not one service: the file stands in for the service. */
export function globalFinding(problem: Problem): Finding {
  const rule = findRule(problem.rule);
  return {
    ...withEvidence({
      code: rule?.code ?? 'DG000',
      rule: problem.rule,
      severity: problem.severity ?? rule?.severity ?? 'error',
      file: problem.file,
      line: problem.line,
      message: problem.message,
      ...(problem.assumption !== undefined ? { assumption: problem.assumption } : {}),
    }),
    service: problem.file,
  };
}
