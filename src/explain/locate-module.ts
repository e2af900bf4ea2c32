import { computeRepoBases, findInRepo, holdsPythonCode, isWeakHit, type RepoBase } from '../analyze/repo-bases.js';
import { insideFirstPartyPackage } from '../analyze/module-imports.js';
import { diagnoseMissingCopy } from '../analyze/copy-fix.js';
import { countIgnoreFileLines } from '../analyze/analyze-service.js';
import { chainOf } from '../analyze/import-closure.js';
import { withInstalledProjects } from '../analyze/installed-projects.js';
import { findExcludingPattern, parseIgnoreFile } from '../dockerfile/dockerignore.js';
import { isStdlib, NEWEST_PYTHON } from '../deps/stdlib.js';
import type { InspectedService } from '../inspect-service.js';
import { findInPath, imageTree, resolveDotted, type ModuleTree } from '../python/module-finder.js';
import { relativeBelow } from '../python/image-path.js';
import { asImagePath, type ExternalImport, type ImageModel, type ImagePath, type MissingModule, type RepoPath } from '../types.js';
import type { LookupStep, ModuleChain, ModuleExplanation } from './explanation.js';
import { describeOrigin } from './fold-image-tree.js';
import { explainDistribution } from './explain-distribution.js';

const GUARD_WORDS = { 'import-error': 'try/except ImportError', broad: 'try/except Exception', condition: 'a run-time condition' } as const;

/**
 * Where a module is looked for in the service's image and what the check
 * made of it: each sys.path entry the way Python's path finder walks them,
 * the file found or the reason it is not in the image (with the nearest
 * COPY), the distribution that provides a third-party module, and the
 * import chains that reach it. A module nothing imports is still looked
 * for, on the same sys.path, with the same functions the walk uses.
 */
export async function locateModule(module: string, seen: InspectedService): Promise<ModuleExplanation> {
  const { analysis, snapshot } = seen;
  const image = withInstalledProjects(analysis.image!, analysis.launch?.installedProjects ?? [], snapshot, analysis.launch?.buildWrittenModules);
  const sysPath = analysis.sysPath?.map((e) => e.path) ?? [image.workdir];
  const tree = imageTree(image.files, image.dirs);
  const bases = computeRepoBases(image, sysPath, snapshot);
  const lookups = lookUpEntries(tree, sysPath, module, bases);
  const resolution = resolveDotted(tree, sysPath, module);
  if (resolution.found) {
    const file = resolution.module.file ?? resolution.module.packagePath?.[0] ?? '';
    const origin = image.files.get(asImagePath(file));
    const trace = analysis.reachedBy?.get(asImagePath(file));
    return {
      module, kind: 'image', file, lookups,
      ...(origin ? { repoPath: origin.repoPath, origin: describeOrigin(origin, analysis.image!) } : {}),
      reachedBy: trace ? [toChain(chainOf(trace), trace.guard && GUARD_WORDS[trace.guard], trace.assumption)] : [],
    };
  }
  // What the walk recorded for a module it reached is the check's answer; it records a missing module where
  // its import stops (for `orders.pricing.rules`, maybe at `orders.pricing`).
  const missing = analysis.missing.filter((m) => m.module === module || module.startsWith(`${m.module}.`));
  if (missing.length > 0) return explainMissing(module, lookups, missing[0]!, missing, seen);
  const found = findInRepo(bases, snapshot, module);
  const hit = found && holdsPythonCode(snapshot, found.repoPath) ? found : undefined;
  const weak = hit !== undefined && isWeakHit(hit, seen.context?.root);
  const shadowed = weak ? `the repository's ${hit.repoPath} is not known to be on the image's sys.path, so Python imports the installed distribution` : undefined;
  const imported = analysis.externalImports.flatMap((e) => [e, ...(e.importedNames ?? [])]);
  const exact = imported.filter((e) => e.module === module);
  // `from pkg import name` is recorded per name: asked about `pkg`, those are the chains that reach it.
  const externals = exact.length > 0 ? exact : imported.filter((e) => e.module.startsWith(`${module}.`)).slice(0, 3);
  if (externals.length > 0) return explainThirdParty(module, lookups, externals, seen, shadowed);
  const version = analysis.dependencies?.pythonVersion.version ?? NEWEST_PYTHON;
  if (isStdlib(module.split('.')[0]!, version)) return { module, kind: 'stdlib', lookups, why: `part of the standard library of Python ${version}`, reachedBy: [] };
  // Not reached: decided as the walk decides an import it cannot resolve in the image (ImportClosure.resolveImport).
  const distribution = explainDistribution(module, seen);
  if (hit && !(weak && distribution.installed !== undefined)) {
    const diagnosis = diagnoseMissingCopy({ image, context: seen.context, snapshot, hit, module, ignoreFileLines: await countIgnoreFileLines(snapshot, seen.context) });
    const unlessInstalled = `; no install provides a distribution named ${module.split('.')[0]}, so it counts as the service's own`;
    return explainMissing(module, lookups, toMissing(diagnosis, module), [], seen, weak ? unlessInstalled : undefined);
  }
  if (!hit && insideFirstPartyPackage(resolution)) return explainMissing(module, lookups, { ...toMissing({ reason: 'nowhere' }, module), repoPath: undefined }, [], seen);
  return explainThirdParty(module, lookups, [], seen, shadowed);
}

async function explainMissing(module: string, lookups: LookupStep[], first: MissingModule, reached: readonly MissingModule[], seen: InspectedService, note = ''): Promise<ModuleExplanation> {
  const repoPath = first.repoPath;
  const nearest = repoPath !== undefined ? nearestCopy(seen.analysis.image!, repoPath) : undefined;
  return {
    module, kind: 'missing', lookups,
    ...(repoPath !== undefined ? { repoPath } : {}),
    why: `${await whyMissing(first, seen)}${note}`,
    ...(nearest ? { nearestCopy: nearest } : {}),
    ...(first.fix ? { fix: first.fix } : {}),
    reachedBy: reached.map((m) => toChain(m.chain, m.guarded ? 'try/except or a condition' : undefined, m.assumption)),
  };
}

function explainThirdParty(module: string, lookups: LookupStep[], reached: readonly ExternalImport[], seen: InspectedService, why?: string): ModuleExplanation {
  return {
    module, kind: 'third-party', lookups,
    why: why ?? 'no file of the image nor of the repository provides it: it must come from an installed distribution',
    distribution: explainDistribution(module, seen),
    reachedBy: reached.map((e) => toChain(e.chain, e.guarded ? 'try/except ImportError or a condition' : undefined, e.assumption)),
  };
}

/**
 * Each sys.path entry as Python's path finder visits it: a regular package
 * or module of the top-level name ends the scan, so later entries are never
 * looked at; namespace folders let it go on.
 */
function lookUpEntries(tree: ModuleTree, sysPath: readonly ImagePath[], module: string, bases: readonly RepoBase[]): LookupStep[] {
  const parts = module.split('.');
  const top = parts[0]!;
  const decisive = findInPath(tree, sysPath, top);
  const stopAt = decisive?.file !== undefined ? sysPath.indexOf(decisive.entry as ImagePath) : -1;
  return sysPath.map((entry, i): LookupStep => {
    const dirs = bases.filter((b) => b.imageDir === entry && !b.heuristic).map((b) => b.repoDir || '.');
    const repoDir = dirs.length > 0 ? { repoDirs: dirs } : {};
    if (stopAt !== -1 && i > stopAt) return { entry, result: 'skipped', detail: `not looked at: Python found ${top} in ${sysPath[stopAt]} first`, ...repoDir };
    const found = resolveDotted(tree, [entry], module);
    if (found.found) return { entry, result: 'found', detail: found.module.file ?? `namespace package ${found.module.packagePath?.join(', ')}`, ...repoDir };
    if (found.resolved === 0) return { entry, result: 'absent', detail: `no ${top}.py or ${top}/ here`, ...repoDir };
    const name = parts[found.resolved]!;
    const where = tree.join(entry, ...parts.slice(0, found.resolved));
    const detail = found.packagePath === undefined && found.executed.at(-1)?.file.endsWith('.py') && !found.executed.at(-1)?.file.endsWith('__init__.py')
      ? `${parts.slice(0, found.resolved).join('.')} is a module (${where}.py), not a package`
      : `${parts.slice(0, found.resolved).join('.')} found, but no ${name}.py or ${name}/ in ${where}`;
    return { entry, result: 'partial', detail, ...repoDir };
  });
}

function toMissing(diagnosis: Pick<MissingModule, 'reason' | 'ignoredBy' | 'fix'> & { unit?: RepoPath }, module: string): MissingModule {
  return { module, file: '', line: 0, guarded: false, dynamic: false, chain: [], repoPath: diagnosis.unit, reason: diagnosis.reason, ...(diagnosis.ignoredBy ? { ignoredBy: diagnosis.ignoredBy } : {}), ...(diagnosis.fix ? { fix: diagnosis.fix } : {}) };
}

/** The check's reason a first-party module is not in the image, in words, with the ignore line that hides it. */
async function whyMissing(missing: MissingModule | undefined, seen: InspectedService): Promise<string> {
  const context = seen.context;
  const at = missing?.repoPath !== undefined ? `in the repository at ${missing.repoPath}` : '';
  switch (missing?.reason) {
    case 'ignored': {
      const file = missing.ignoredBy!;
      const line = await findIgnoreLine(file, missing.repoPath, seen);
      return `${at}, but excluded from the build context by ${file}${line !== undefined ? ` line ${line.line} (${line.pattern})` : ''}`;
    }
    case 'outside-context':
      return `${at}, outside the build context ${context?.root || '.'}: no COPY can take it`;
    case 'nowhere':
      return 'no such module in the image nor anywhere in the repository';
    case 'not-on-path':
      return `${at}, and in the image at ${missing.inImageAt!.file}, but ${missing.inImageAt!.root} is not on sys.path`;
    case 'not-copied':
      return `${at}, but no COPY puts it in the image`;
    default:
      return 'not in the image';
  }
}

async function findIgnoreLine(file: RepoPath, repoPath: RepoPath | undefined, seen: InspectedService): Promise<{ line: number; pattern: string } | undefined> {
  const root = seen.context?.root;
  if (root === undefined || repoPath === undefined || !file.endsWith('dockerignore')) return undefined;
  const rel = relativeBelow(root, repoPath);
  if (rel === undefined) return undefined;
  const patterns = parseIgnoreFile((await seen.snapshot.read(file)).toString('utf8'));
  // A package folder is excluded through its files: the first file below it names the line.
  const target = seen.context!.excluded.has(rel) ? rel : [...seen.context!.excluded].find((f) => f.startsWith(`${rel}/`)) ?? rel;
  const found = findExcludingPattern(patterns, target);
  return found && { line: found.line, pattern: found.pattern };
}

/** The context COPY whose source folder is nearest the module's repository path (the one a fix would sit beside). */
function nearestCopy(image: ImageModel, repoPath: RepoPath): { line: number; text: string } | undefined {
  let best: { line: number; text: string; score: number } | undefined;
  const target = repoPath.split('/');
  for (const copy of image.copies) {
    if (copy.from !== undefined) continue;
    for (const { repoDir } of copy.sourceDirs) {
      const parts = repoDir === '' ? [] : repoDir.split('/');
      let shared = 0;
      while (shared < parts.length && parts[shared] === target[shared]) shared++;
      // A COPY of an unrelated folder is no nearer than none; one from the module's own folder (a sibling file) is nearest.
      if (shared === 0 && parts.length > 0) continue;
      const score = shared * 2 + (shared === parts.length ? 1 : 0);
      if (!best || score > best.score || (score === best.score && copy.line > best.line)) {
        best = { line: copy.line, text: `${copy.instruction} ${copy.sources.join(' ')} ${copy.dest}`, score };
      }
    }
  }
  return best && { line: best.line, text: best.text };
}

function toChain(chain: ModuleChain['chain'], guard: string | undefined, assumption: string | undefined): ModuleChain {
  return { chain, ...(guard !== undefined ? { guard } : {}), ...(assumption !== undefined ? { assumption } : {}) };
}
