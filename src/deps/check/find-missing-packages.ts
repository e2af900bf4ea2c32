import type { ExternalImport, Fix, ImageModel } from '../../types.js';
import type { ImportCheck, MissingPackage, TransitiveOnly } from '../dependency-analysis.js';
import type { DistributionCandidate, DistributionMap } from '../distribution-map.js';
import type { DeclarationTarget, InstalledSet } from '../installed/installed-set.js';
import { PULLED_IN_BY } from './known-dependencies.js';
import { isStdlib, removedFromStdlib } from '../stdlib.js';
import { proposePackageFix } from './propose-package-fix.js';
import { REMOVED_STDLIB_REPLACEMENTS } from './removed-stdlib.js';

export interface MissingPackagesResult {
  missing: MissingPackage[];
  checks: ImportCheck[];
  transitiveOnly: TransitiveOnly[];
}

/**
 * Each third-party import against the installed set: one indexed lookup per
 * candidate distribution. Missing → DG101 (a warning when guarded or when
 * the set is incomplete); present only as a transitive lock pin → DG107.
 */
export function findMissingPackages(imports: ExternalImport[], set: InstalledSet, map: DistributionMap, version: string, image: ImageModel): MissingPackagesResult {
  const result: MissingPackagesResult = { missing: [], checks: [], transitiveOnly: [] };
  const incomplete = set.incompleteNote();
  for (const external of imports) {
    const top = external.module.split('.')[0] as string;
    if (set.projectModules.has(top) || isStdlib(external.module, version)) continue;
    const removed = removedFromStdlib(external.module, version);
    const candidates: DistributionCandidate[] = removed
      ? (REMOVED_STDLIB_REPLACEMENTS[top] ?? []).map((distribution) => ({ distribution, source: 'bundled', prefix: top }))
      : map.candidatesFor(external.module);
    if (!removed && candidates.length === 0) continue; // a bare namespace root names nothing to install
    const found = candidates.find((c) => set.has(c.distribution));
    const shown = found ?? candidates[0];
    if (shown) {
      result.checks.push({ module: external.module, distribution: shown.distribution, source: removed ? 'removed-stdlib' : shown.source, ...(found ? { installedAs: found.distribution } : {}) });
    }
    if (found) {
      const transitive = transitiveOnly(external, found.distribution, set, image);
      if (transitive) result.transitiveOnly.push(transitive);
      continue;
    }
    // The fallback of an `except ImportError` runs only when its try body's import fails.
    if (external.onlyIfMissing?.every((module) => isAvailable(module, set, map, version))) continue;
    const expected = candidates.map((c) => c.distribution);
    const pulled = removed ? undefined : pulledIn(external, expected, set, image);
    if (pulled) {
      result.transitiveOnly.push(pulled);
      continue;
    }
    result.missing.push({
      module: external.module,
      file: external.file,
      line: external.line,
      severity: external.guarded || incomplete !== undefined ? 'warning' : 'error',
      guarded: external.guarded,
      chain: external.chain,
      expected,
      lookedAt: set.lookedAt(),
      ...(removed !== undefined ? { removedFromStdlib: removed } : {}),
      ...(incomplete !== undefined ? { incomplete } : {}),
      ...(external.assumption !== undefined ? { assumption: external.assumption } : {}),
      ...(expected[0] !== undefined ? { fix: proposePackageFix(expected[0], set, image) } : {}),
    });
  }
  return result;
}

const isAvailable = (module: string, set: InstalledSet, map: DistributionMap, version: string): boolean =>
  isStdlib(module, version) || set.projectModules.has(module.split('.')[0]!) || map.candidatesFor(module).some((c) => set.has(c.distribution));

function transitiveOnly(external: ExternalImport, distribution: string, set: InstalledSet, image: ImageModel): TransitiveOnly | undefined {
  const entries = set.entriesOf(distribution);
  const pinned = entries[0]?.transitive;
  if (!pinned || !entries.every((e) => e.transitive !== undefined)) return undefined;
  const target = set.declarations.find((d) => d.file === pinned.declaredIn);
  return {
    module: external.module, distribution, file: external.file, line: external.line, chain: external.chain,
    pulledInBy: [], lock: pinned.lock, declaredIn: pinned.declaredIn,
    fix: declareFix(distribution, set, image, target),
  };
}

/** Not installed by name, but a package that is installed with its dependencies is known to pull it in. */
function pulledIn(external: ExternalImport, expected: string[], set: InstalledSet, image: ImageModel): TransitiveOnly | undefined {
  for (const distribution of expected) {
    const parents = (PULLED_IN_BY[distribution] ?? []).filter((p) => set.entriesOf(p).some((e) => e.pullsDependencies || e.via === 'lock'));
    if (parents.length === 0) continue;
    const target = set.declarations.at(-1);
    return {
      module: external.module, distribution, file: external.file, line: external.line, chain: external.chain,
      pulledInBy: parents, ...(target ? { declaredIn: target.file } : {}),
      fix: declareFix(distribution, set, image, target),
    };
  }
  return undefined;
}

function declareFix(distribution: string, set: InstalledSet, image: ImageModel, target: DeclarationTarget | undefined): Fix {
  const fix = proposePackageFix(distribution, set, image, target);
  return { ...fix, description: `declare ${distribution} directly, so an upgrade of the package that pulls it in cannot drop it: ${fix.description}` };
}
