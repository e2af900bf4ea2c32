import { createHash } from 'node:crypto';
import type { ImplicitRuleIndex } from '../deps/check/implicit-rule-index.js';
import type { ModuleStore } from '../analyze/module-store.js';
import type { ParsedModule, RepoPath } from '../types.js';

/**
 * Everything a service's analysis reads from one parsed module, hashed: its
 * imports (with lines, guards and ignore comments), dynamic-import candidates,
 * computed-name imports, syntax errors, sys.path changes, the definitions
 * holding imports that the module itself never reaches, and which usage
 * rules its calls and strings match. Two
 * versions of a file with the same fingerprint give every service the same
 * findings, so an edit inside a function body, the usual commit, leaves it
 * unchanged. Calls and strings count only through the rules they match: a new
 * `len()` call must not make every service that reaches the file look changed.
 */
export function fingerprintModule(parsed: ParsedModule, usageRules: ImplicitRuleIndex): string {
  const usage = usageRules.matchModule(parsed).map((match) => [match.rule.id, match.evidence]);
  const relevant = [parsed.imports, parsed.dynamicCandidates, parsed.computedImports, parsed.syntaxErrors, usage, parsed.pathChanges ?? [], parsed.unreached ?? []];
  // 64 bits: a check compares the few files a commit changed, never a population where collisions add up.
  return createHash('sha1').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/** Fingerprints of parsed modules (see `fingerprintModule`), each worked out once per run. */
export function createFingerprints(store: ModuleStore, usageRules: ImplicitRuleIndex) {
  const ofModule = memoizeByObject((parsed: ParsedModule) => fingerprintModule(parsed, usageRules));
  return {
    ofModule,
    ofFile: async (file: RepoPath): Promise<string | undefined> => {
      const stored = await store.get(file);
      return stored.ok ? ofModule(stored.parsed) : undefined;
    },
  };
}

function memoizeByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const seen = new WeakMap<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, compute(key));
    return seen.get(key)!;
  };
}
