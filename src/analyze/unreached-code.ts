import type { ImportRef, ParsedModule, RepoPath, UnreachedDefinition } from '../types.js';
import type { ImportTarget } from './import-targets.js';

/** An import inside a top-level definition its own module never reaches, held back until the closure is known. */
export interface DeferredImport<V> {
  visit: V;
  ref: ImportRef;
  target: ImportTarget;
  definition: UnreachedDefinition;
  file: RepoPath;
  module: string;
}

/** The unreached definition an import line lies in, if any. */
export function unreachedDefinitionAt(parsed: ParsedModule, line: number): UnreachedDefinition | undefined {
  return parsed.unreached?.find((d) => d.lines.some(([first, last]) => line >= first && line <= last));
}

/**
 * A `__getattr__` branch for names nothing asks for never runs: PEP 562
 * calls it only for a name requested. Its imports are not followed at all.
 */
export const isUnaskedLazyBranch = (definition: UnreachedDefinition): boolean => definition.name === '__getattr__' && definition.via.length > 0;

/** Why a held-back import that nothing showed to run is still followed: a guess, in words. */
export function unreachedAssumption(definition: UnreachedDefinition, file: string): string {
  if (definition.name !== '__getattr__') return `in code this service does not reach: nothing in the service's code uses ${definition.name} of ${file}`;
  return definition.via.length > 0
    ? `in code this service does not reach: the __getattr__ of ${file} imports it only for ${definition.via.join(', ')}, which nothing in the service's code asks for`
    : `imported by the __getattr__ of ${file} (PEP 562) for names dockguard cannot tell`;
}

/**
 * Which files name which words: each file is read and scanned once per
 * batch of new names, however often and for however many services the
 * closures of one run ask (one per module store, see `nameUsesOf`).
 */
export class NameUses {
  /** Every name asked about so far, in the order first asked. */
  private readonly names: string[] = [];
  private readonly isKnown = new Set<string>();
  /** For each file, how many of `names` its text has been scanned for: a file is read again only for new names. */
  private readonly scannedUpTo = new Map<RepoPath, number>();
  private readonly usedIn = new Map<string, Set<RepoPath>>();
  private readonly inFlight = new Map<RepoPath, Promise<void>>();
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly readText: (file: RepoPath) => Promise<string | undefined>) {}

  async scan(files: Iterable<RepoPath>, names: ReadonlySet<string>): Promise<void> {
    for (const name of names) {
      if (this.isKnown.has(name)) continue;
      this.isKnown.add(name);
      this.names.push(name);
    }
    // 30 services share most of their closures: after the first, most files need no scan at all.
    for (const file of files) {
      // Services are walked concurrently: a scan of this file another walk started must finish before its result counts.
      await this.inFlight.get(file);
      const from = this.scannedUpTo.get(file) ?? 0;
      if (from === this.names.length) continue;
      this.scannedUpTo.set(file, this.names.length);
      const job = this.scanFile(file, this.patternFor(from));
      this.inFlight.set(file, job);
      await job;
    }
  }

  /**
   * The pattern for the names from `from` on, compiled once per batch of names: most files are
   * scanned for the same batch, and compiling an alternation of hundreds of names for each file
   * cost more than the scans themselves.
   */
  private patternFor(from: number): RegExp {
    const key = `${from}:${this.names.length}`;
    let pattern = this.patterns.get(key);
    if (!pattern) {
      pattern = new RegExp(`(?<![\\p{ID_Continue}])(?:${this.names.slice(from).join('|')})(?![\\p{ID_Continue}])`, 'gu');
      this.patterns.set(key, pattern);
    }
    return pattern;
  }

  private async scanFile(file: RepoPath, pattern: RegExp): Promise<void> {
    const text = await this.readText(file);
    if (text === undefined) return;
    // matchAll copies the pattern, so one compiled pattern serves concurrent scans.
    for (const match of text.matchAll(pattern)) {
      const where = this.usedIn.get(match[0]) ?? new Set<RepoPath>();
      where.add(file);
      this.usedIn.set(match[0], where);
    }
  }

  /** True when a file of `files` other than `own` names `name`. */
  isUsedOutside(name: string, own: RepoPath, files: ReadonlySet<RepoPath>): boolean {
    for (const file of this.usedIn.get(name) ?? []) if (file !== own && files.has(file)) return true;
    return false;
  }
}

const shared = new WeakMap<object, NameUses>();

/** The run's one NameUses, keyed by the run's module store (the same files, read once). */
export function nameUsesOf(store: { getText(file: RepoPath): Promise<string | undefined> }): NameUses {
  let uses = shared.get(store);
  if (!uses) shared.set(store, (uses = new NameUses((file) => store.getText(file))));
  return uses;
}

/**
 * Which held-back imports do run after all: those whose definition (or one
 * leading to it) is named by another module of the closure, anywhere in its
 * text (a call, an attribute, an import, a string, a comment: conservative),
 * or whose module another module star-imports (public names only).
 */
export async function pickReachable<V>(
  deferred: readonly DeferredImport<V>[],
  files: ReadonlySet<RepoPath>,
  starImported: ReadonlySet<string>,
  uses: NameUses,
): Promise<Set<DeferredImport<V>>> {
  await uses.scan(files, new Set(deferred.flatMap((d) => d.definition.via)));
  const isUsedElsewhere = (d: DeferredImport<V>): boolean => d.definition.via.some((name) => uses.isUsedOutside(name, d.file, files));
  // A star import takes public names, and asks a module's __getattr__ for those of its __all__ it does not bind.
  const isStarImported = (d: DeferredImport<V>): boolean =>
    starImported.has(d.module) && (!d.definition.name.startsWith('_') || (d.definition.name === '__getattr__' && d.definition.via.length > 0));
  return new Set(deferred.filter((d) => isUsedElsewhere(d) || isStarImported(d)));
}
