import { byCodeUnit } from '../../by-code-unit.js';
import type { ImplicitPackageRule as ConfigImplicitRule } from '../../config/schema.js';
import type { ImageModel, ServiceAnalysis } from '../../types.js';
import type { ImplicitNeed } from '../dependency-analysis.js';
import type { InstalledSet } from '../installed/installed-set.js';
import type { InstalledClosure } from '../knowledge/close-installed.js';
import { opaqueNote } from './opaque-note.js';
import { configuredChoice } from './configured-url-choice.js';
import { normalizeName } from '../normalize-name.js';
import { readEnvDefault } from '../../python/env-default-string.js';
import { containsLiteral, findMissingGroups, matchImplicitRules, type ImplicitPackageRule, type ImplicitRuleMatch, type ModuleUsage } from '../usage-rules.js';
import type { ImplicitRuleIndex } from './implicit-rule-index.js';
import { launchWords } from './launch-words.js';
import { proposePackageFix } from './propose-package-fix.js';

/**
 * Why a URL the rule reads from the module proves nothing alone: every
 * string of the module that carries it is the default of an environment
 * lookup (`os.environ.get("CELERY_BROKER_URL", "redis://…")`), and neither
 * the image's ENV nor the service's environment sets that variable to a URL
 * of the same kind. Undefined when one of them does (then the default's
 * scheme is the one the container uses), or a plain string carries it.
 */
function defaultOnlyAssumption(rule: ImplicitPackageRule, strings: readonly string[], environment: Readonly<Record<string, string>>): string | undefined {
  const values = rule.when.strings ?? [];
  const carriers = strings.filter((text) => values.some((value) => containsLiteral(readEnvDefault(text)?.value ?? text, value)));
  const defaults = carriers.map(readEnvDefault);
  if (defaults.length === 0 || defaults.some((d) => d === undefined)) return undefined;
  const variables = [...new Set(defaults.map((d) => d!.variable))];
  const setTo = variables.map((v) => environment[v]);
  if (setTo.some((value) => value !== undefined && values.some((wanted) => containsLiteral(value, wanted)))) return undefined;
  const set = variables.filter((v) => environment[v] !== undefined);
  const told = set.length > 0 ? `; the environment sets ${set.map((v) => `${v}=${environment[v]}`).join(', ')}` : '';
  return `the ${values.find((v) => carriers.some((c) => c.includes(v)))} string is only the default of ${variables.join(', ')}, which the deployment may set to another${told}`;
}

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
  const environment = { ...image.env, ...(analysis.service.environment?.values ?? {}) };
  const visit = (matches: ImplicitRuleMatch[], file: string, lineOf: (evidence: string[]) => number, strings: readonly string[] = []): void => {
    for (const { rule, evidence } of matches) {
      const runsIf = [configuredChoice(evidence, strings), defaultOnlyAssumption(rule, strings, environment), rule.assumption].filter((a) => a !== undefined).join('; ') || undefined;
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
