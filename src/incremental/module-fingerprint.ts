import { createHash } from 'node:crypto';
import type { ImplicitRuleIndex } from '../deps/check/implicit-rule-index.js';
import type { ModuleStore } from '../analyze/module-store.js';
import type { ImportRef, ParsedModule, RepoPath, RepoSnapshot } from '../types.js';
import { isStdlibEverywhere, namesInRepository } from './stdlib-everywhere.js';

/**
 * Everything a service's analysis reads from one parsed module, hashed: its
 * imports (with guards and ignore comments), dynamic-import candidates,
 * computed-name imports, syntax errors, sys.path changes, the definitions
 * holding imports that the module itself never reaches, and which usage
 * rules its calls and strings match. Two versions of a file with the same
 * fingerprint give every service the same findings up to line numbers, so
 * the usual commit leaves it unchanged:
 *
 * - An edit inside a function body. Calls and strings count only through the
 *   rules they match: a new `len()` call must not make every service that
 *   reaches the file look changed.
 * - Lines added or removed above an import. Lines count only by their order
 *   (each is replaced by its rank among the lines the summary mentions), which
 *   is all the analysis compares: whether an import lies in a definition's
 *   range, before or after a `sys.path` change.
 * - A new `import json` or `from typing import Any`: a plain import of a
 *   module every supported Python has in its standard library, which no file or
 *   folder of the repository is named like (so nothing an image copies can
 *   shadow it), unguarded and not ignored. Such an import resolves to the
 *   standard library in every image and adds nothing to any closure; a guarded
 *   one, or one a usage rule matches, still counts.
 */
export function fingerprintModule(parsed: ParsedModule, usageRules: ImplicitRuleIndex, isNamedInRepository?: (name: string) => boolean): string {
  const usage = usageRules.matchModule(parsed).map((match) => [match.rule.id, match.evidence]);
  const imports = dropInertStdlibImports(parsed.imports, isNamedInRepository);
  const rank = rankLines([
    ...imports.map((ref) => ref.line),
    ...parsed.dynamicCandidates.map((c) => c.line),
    ...parsed.computedImports,
    ...parsed.syntaxErrors.map((e) => e.line),
    ...(parsed.pathChanges ?? []).map((c) => c.line),
    ...(parsed.unreached ?? []).flatMap((d) => d.lines.flat()),
  ]);
  const relevant = [
    imports.map((ref) => ({ ...ref, line: rank(ref.line) })),
    parsed.dynamicCandidates.map((c) => ({ ...c, line: rank(c.line) })),
    parsed.computedImports.map(rank),
    parsed.syntaxErrors.map((e) => ({ ...e, line: rank(e.line) })),
    usage,
    (parsed.pathChanges ?? []).map((c) => ({ ...c, line: rank(c.line) })),
    (parsed.unreached ?? []).map((d) => ({ ...d, lines: d.lines.map(([from, to]) => [rank(from), rank(to)]) })),
  ];
  // 64 bits: a check compares the few files a commit changed, never a population where collisions add up.
  return createHash('sha1').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/**
 * The imports without the inert standard-library ones (see
 * `fingerprintModule`); `fallbackFor` indices are renumbered to match.
 * Without a way to ask for the repository's names, nothing is dropped.
 */
function dropInertStdlibImports(imports: readonly ImportRef[], isNamedInRepository: ((name: string) => boolean) | undefined): readonly ImportRef[] {
  if (!isNamedInRepository) return imports;
  const isInert = (ref: ImportRef): boolean =>
    ref.level === 0 &&
    !ref.guarded &&
    !ref.dynamic &&
    ref.mainOnly !== true &&
    ref.pythonVersions === undefined &&
    ref.ignoredRules === undefined &&
    ref.fallbackFor === undefined &&
    !ref.module.includes('.') &&
    isStdlibEverywhere(ref.module) &&
    !isNamedInRepository(ref.module);
  const inert = imports.map(isInert);
  if (!inert.includes(true)) return imports;
  // An inert import is unguarded, so no fallback should wait on it; if one does, nothing is dropped.
  if (imports.some((ref) => ref.fallbackFor?.some((group) => group.some((i) => inert[i])))) return imports;
  const newIndex: number[] = [];
  let next = 0;
  for (const isDropped of inert) newIndex.push(isDropped ? -1 : next++);
  const kept = imports.filter((_, i) => !inert[i]);
  return kept.map((ref) => (ref.fallbackFor ? { ...ref, fallbackFor: ref.fallbackFor.map((group) => group.map((i) => newIndex[i]!)) } : ref));
}

/** Maps each line to its rank among `lines` (1-based), keeping order and equality, forgetting distance. */
function rankLines(lines: readonly number[]): (line: number) => number {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranks = new Map(sorted.map((line, i) => [line, i + 1]));
  return (line) => ranks.get(line)!;
}

/** Fingerprints of parsed modules (see `fingerprintModule`), each worked out once per run. */
export function createFingerprints(store: ModuleStore, usageRules: ImplicitRuleIndex, snapshot: RepoSnapshot) {
  // Listed on first need only: most fingerprinted modules import nothing inert.
  let repositoryNames: ReadonlySet<string> | undefined;
  const isNamedInRepository = (name: string) => (repositoryNames ??= namesInRepository(snapshot)).has(name);
  const ofModule = memoizeByObject((parsed: ParsedModule) => fingerprintModule(parsed, usageRules, isNamedInRepository));
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
