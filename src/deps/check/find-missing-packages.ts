import type { ExternalImport, Fix, ImageModel } from '../../types.js';
import type { ImportCheck, MissingPackage, TransitiveOnly } from '../dependency-analysis.js';
import type { DistributionCandidate, DistributionMap } from '../distribution-map.js';
import type { DeclarationTarget, InstalledSet } from '../installed/installed-set.js';
import type { InstalledClosure } from '../knowledge/close-installed.js';
import { findLikelyVariant, matchGuessedName } from './match-guessed-name.js';
import { opaqueNote } from './opaque-note.js';
import { isStdlib, removedFromStdlib, SUPPORTED_PYTHON_VERSIONS } from '../stdlib.js';
import { proposePackageFix } from './propose-package-fix.js';
import { REMOVED_STDLIB_REPLACEMENTS } from './removed-stdlib.js';

export interface MissingPackagesResult {
  missing: MissingPackage[];
  checks: ImportCheck[];
  transitiveOnly: TransitiveOnly[];
}

/**
 * Each third-party import against the installed set: one indexed lookup per
 * candidate distribution. Present only as a transitive lock pin, or pulled
 * in by an installed distribution's requirements → DG107. Missing → DG101,
 * an error only on proof: every install is fully known (no opaque
 * requirements), and either the distribution is known or, when it is only
 * guessed from the import's name, the modules of every installed
 * distribution are known and none is this one. A guessed name that an
 * installed distribution matches loosely is no finding.
 */
/** `a, b, c` or `a, b, c and 4 more`. */
const listSome = (names: readonly string[]): string => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

export function findMissingPackages(
  imports: ExternalImport[],
  installed: { set: InstalledSet; closure: InstalledClosure },
  map: DistributionMap,
  python: { version: string; guess?: string },
  image: ImageModel,
): MissingPackagesResult {
  const { version } = python;
  const { set, closure } = installed;
  const result: MissingPackagesResult = { missing: [], checks: [], transitiveOnly: [] };
  const setNote = set.incompleteNote();
  const installedNames = [...new Set([...set.names(), ...closure.pulledInBy.keys()])];
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
    const pulled = removed ? undefined : pulledIn(external, expected, installed, image);
    if (pulled) {
      result.transitiveOnly.push(pulled);
      continue;
    }
    const isGuessed = !removed && candidates.every((c) => c.isGuess === true);
    const loose = isGuessed ? matchGuessedName(expected, installedNames) : undefined;
    if (loose !== undefined) {
      const last = result.checks.at(-1);
      if (last?.module === external.module) last.installedAs = loose;
      continue;
    }
    // A guessed name alone proves nothing; but when every installed distribution's modules are known and none
    // ships this one, no installed package can provide it, whatever its real name: that is a proof.
    const unmapped = isGuessed ? installedNames.filter((name) => !map.knowsModulesOf(name)) : [];
    const guess =
      unmapped.length > 0
        ? `the distribution ${expected[0]} is only guessed from the import's name, and the modules of ${listSome(unmapped)} are unknown to dockguard: one of them may provide ${external.module}`
        : undefined;
    // A known distribution is not the only one that may ship its module: a build or fork of it (python-magic-bin).
    const variant = isGuessed || removed ? undefined : findLikelyVariant(expected, external.module, installedNames.filter((name) => !map.knowsModulesOf(name)));
    const variantNote = variant === undefined ? undefined : `the modules of ${variant} are unknown to dockguard, and its name makes it a likely build of ${expected[0]}: it may provide ${external.module}`;
    // A module of the standard library of another Python is missing only if the image's Python is the one assumed.
    const stdlibIn = python.guess === undefined ? [] : SUPPORTED_PYTHON_VERSIONS.filter((v) => isStdlib(external.module, v));
    const versionNote = stdlibIn.length === 0 ? undefined : `the image's Python is taken to be ${version} (${python.guess}), and ${external.module} is in the standard library of Python ${stdlibIn[0]}${stdlibIn.length > 1 ? `–${stdlibIn.at(-1)}` : ''}`;
    const incomplete = setNote ?? opaqueNote(closure, expected);
    // The closure's own guess (reached only from fallback roots, …) and the name guess, both when both hold.
    const assumptions = [external.assumption, guess, variantNote, versionNote].filter((a) => a !== undefined);
    const assumption = assumptions.length > 0 ? assumptions.join('; ') : undefined;
    result.missing.push({
      module: external.module,
      file: external.file,
      line: external.line,
      severity: external.guarded || incomplete !== undefined || assumption !== undefined ? 'warning' : 'error',
      guarded: external.guarded,
      ...(external.conditional ? { conditional: true as const } : {}),
      ...(external.condition !== undefined ? { condition: external.condition } : {}),
      ...(assumption !== undefined ? { assumption } : {}),
      chain: external.chain,
      expected,
      lookedAt: set.lookedAt(),
      ...(removed !== undefined ? { removedFromStdlib: removed } : {}),
      ...(incomplete !== undefined ? { incomplete } : {}),
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

/** Not installed by name, but an installed package's requirements pull it in (the closure of the installs). */
function pulledIn(external: ExternalImport, expected: string[], installed: { set: InstalledSet; closure: InstalledClosure }, image: ImageModel): TransitiveOnly | undefined {
  const { set, closure } = installed;
  for (const distribution of expected) {
    const parents = closure.pulledInBy.get(distribution) ?? [];
    if (parents.length === 0) continue;
    const target = set.declarations.at(-1);
    return {
      module: external.module, distribution, file: external.file, line: external.line, chain: external.chain,
      pulledInBy: [...parents], ...(target ? { declaredIn: target.file } : {}),
      fix: declareFix(distribution, set, image, target),
    };
  }
  return undefined;
}

function declareFix(distribution: string, set: InstalledSet, image: ImageModel, target: DeclarationTarget | undefined): Fix {
  const fix = proposePackageFix(distribution, set, image, target);
  return { ...fix, description: `declare ${distribution} directly, so an upgrade of the package that pulls it in cannot drop it: ${fix.description}` };
}
