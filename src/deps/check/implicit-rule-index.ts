import { topLevelModule } from '../../python/top-level-module.js';
import type { ParsedModule } from '../../types.js';
import { importedNames, matchImplicitRules, type ImplicitPackageRule, type ImplicitRuleMatch } from '../usage-rules.js';

/**
 * Usage rules indexed by the top-level module they need imported, so a
 * module is tested only against rules it could match; matches are kept per
 * parsed module, which the services of one run share.
 */
export class ImplicitRuleIndex {
  private readonly byTopImport = new Map<string, ImplicitPackageRule[]>();
  private readonly withoutImports: ImplicitPackageRule[] = [];
  private readonly matches = new WeakMap<ParsedModule, ImplicitRuleMatch[]>();
  readonly launchRules: ImplicitPackageRule[];

  constructor(rules: readonly ImplicitPackageRule[]) {
    for (const rule of rules) {
      const imports = rule.when.imports ?? [];
      if (imports.length === 0) {
        if ((rule.when.calls?.length ?? 0) + (rule.when.strings?.length ?? 0) > 0) this.withoutImports.push(rule);
        continue;
      }
      for (const top of new Set(imports.map((m) => m.split('.')[0] as string))) {
        const list = this.byTopImport.get(top) ?? [];
        list.push(rule);
        this.byTopImport.set(top, list);
      }
    }
    this.launchRules = rules.filter((r) => (r.when.launchArgs?.length ?? 0) > 0);
  }

  /** Rules matching one module's imports, calls and strings (launch arguments are matched separately). */
  matchModule(parsed: ParsedModule): ImplicitRuleMatch[] {
    let found = this.matches.get(parsed);
    if (found === undefined) {
      // Same candidates, in the same order, as testing every rule, minus rules the module cannot match: this runs for every module of every closure.
      const candidates = new Set<ImplicitPackageRule>();
      for (const rule of this.withoutImports) if (hasEveryKind(rule, parsed)) candidates.add(rule);
      for (const ref of parsed.imports) {
        if (ref.level > 0 || ref.module === '') continue;
        for (const rule of this.byTopImport.get(topLevelModule(ref.module)) ?? []) candidates.add(rule);
      }
      found =
        candidates.size === 0
          ? []
          : matchImplicitRules([...candidates], { imports: importedNames(parsed.imports), calls: parsed.calls, strings: parsed.strings, launchArgs: [] });
      this.matches.set(parsed, found);
    }
    return found;
  }
}

/** A rule needing calls or strings cannot match a module that has none. */
function hasEveryKind(rule: ImplicitPackageRule, parsed: ParsedModule): boolean {
  return !(rule.when.calls?.length && parsed.calls.length === 0) && !(rule.when.strings?.length && parsed.strings.length === 0);
}
