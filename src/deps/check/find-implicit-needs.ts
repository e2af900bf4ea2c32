import { byCodeUnit } from '../../by-code-unit.js';
import type { ImplicitPackageRule as ConfigImplicitRule } from '../../config/schema.js';
import type { ImageModel, ServiceAnalysis } from '../../types.js';
import type { ImplicitNeed } from '../dependency-analysis.js';
import type { InstalledSet } from '../installed/installed-set.js';
import type { InstalledClosure } from '../knowledge/close-installed.js';
import { opaqueNote } from './opaque-note.js';
import { configuredChoice } from './configured-url-choice.js';
import { normalizeName } from '../normalize-name.js';
import { findMissingGroups, matchImplicitRules, type ImplicitPackageRule, type ImplicitRuleMatch, type ModuleUsage } from '../usage-rules.js';
import type { ImplicitRuleIndex } from './implicit-rule-index.js';
import { launchWords } from './launch-words.js';
import { proposePackageFix } from './propose-package-fix.js';

/** Config rules in the bundled shape: names normalised, a default message. */
export function toImplicitRules(rules: readonly ConfigImplicitRule[]): ImplicitPackageRule[] {
  return rules.map((r) => ({
    id: r.id, when: r.when, needs: r.needs.map((g) => g.map(normalizeName)),
    message: r.message ?? `rule ${r.id} (config) needs ${r.needs.map((g) => g.join(' or ')).join(' and ')}`,
  }));
}

/**
 * Usage rules over every module of the closure and the container command;
 * one need per rule and unmet group (the first module that triggers it
 * carries the finding: one fix serves them all).
 */
export function findImplicitNeeds(analysis: ServiceAnalysis, rules: ImplicitRuleIndex, installed: { set: InstalledSet; closure: InstalledClosure }, image: ImageModel): ImplicitNeed[] {
  const { set, closure } = installed;
  const needs: ImplicitNeed[] = [];
  const seen = new Set<string>();
  const incomplete = set.incompleteNote() ?? opaqueNote(closure);
  const visit = (matches: ImplicitRuleMatch[], file: string, lineOf: (evidence: string[]) => number, strings: readonly string[] = []): void => {
    for (const { rule, evidence } of matches) {
      const runsIf = configuredChoice(evidence, strings);
      for (const group of findMissingGroups(rule.needs, (name) => set.has(name) || closure.pulledInBy.has(name))) {
        const key = `${rule.id}\u0000${group.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        needs.push({
          ruleId: rule.id, file, line: lineOf(evidence), alternatives: group, evidence, reason: rule.message,
          severity: incomplete === undefined && runsIf === undefined ? 'error' : 'warning',
          ...(incomplete !== undefined ? { incomplete } : {}),
          ...(runsIf !== undefined ? { runsIf } : {}),
          fix: proposePackageFix(rule.extra ?? (group[0] as string), set, image),
        });
      }
    }
  };
  for (const [file, parsed] of [...analysis.modules].sort(([a], [b]) => byCodeUnit(a, b))) {
    const matches = rules.matchModule(parsed);
    if (matches.length === 0) continue;
    visit(matches, file, (evidence) => {
      const imported = evidence.find((e) => e.startsWith('import '))?.slice('import '.length);
      if (imported === undefined) return 1;
      // The import that names the module itself before one of its parents (`sqlalchemy.ext.asyncio`, not `sqlalchemy`).
      const exact = parsed.imports.find((ref) => ref.module === imported || ref.module.startsWith(`${imported}.`));
      return (exact ?? parsed.imports.find((ref) => imported.startsWith(`${ref.module}.`)))?.line ?? 1;
    }, parsed.strings);
  }
  const launch = launchWords(analysis);
  if (launch.words.length > 0) {
    const usage: ModuleUsage = { imports: [], calls: [], strings: [], launchArgs: launch.words };
    visit(matchImplicitRules(rules.launchRules, usage), image.dockerfile, () => launch.line);
  }
  return needs;
}
