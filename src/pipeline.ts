import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { indexRepositoryImages, modelService, walkService } from './analyze/analyze-service.js';
import { inspectService, NOTHING_RELEVANT, type Inspection } from './inspect-service.js';
import { ModuleStore } from './analyze/module-store.js';
import { openCache, type ContentCache } from './cache/open-cache.js';
import { resolveScope } from './check-scope.js';
import { loadConfig, type TextReader } from './config/load-config.js';
import { createDependencyContext } from './deps/analyze-dependencies.js';
import { discoverServices } from './discover/discover-services.js';
import { createBuildContextLoader } from './dockerfile/build-context.js';
import { createIndexSnapshot } from './git/index-snapshot.js';
import { describeRepoState, detectStagedRepo } from './git/repo-state.js';
import { findRepoRoot } from './git/repo-root.js';
import { createWorktreeSnapshot } from './git/worktree-snapshot.js';
import { readBuildIdentity } from './own-version.js';
import { createParsePool } from './python/parse-pool.js';
import { loadedEngineName, type EngineName } from './python/parser.js';
import { sortFindings, toServiceReport, type CheckResult } from './result.js';
import { globalFinding, runAllRules } from './run-rules.js';
import { selectServices } from './select-services.js';
import type { RepoPath, RepoSnapshot, ServiceSpec } from './types.js';
import { createFingerprints } from './incremental/module-fingerprint.js';
import type { DockguardConfig } from './config/schema.js';
import { listStagedChanges, listTouchedPaths, readStagedDiff, type StagedChanges } from './git/staged-changes.js';
import { findInvisibleEdits } from './incremental/invisible-edits.js';
import { dropUnchangedImages } from './incremental/unchanged-image.js';
import { filterReachable } from './incremental/context-reach.js';
import { applyRuleControl, type RuleControl } from './rule-control/apply-rule-control.js';
import { toRuleNames } from './rule-control/rule-names.js';
import { DEFAULT_RULE_SETTINGS } from './config/schema.js';
import { applyBaseline } from './baseline/apply-baseline.js';
import { loadBaseline } from './baseline/load-baseline.js';
import type { BaselineEntry } from './baseline/baseline-file.js';
import { listUnstagedFiles } from './git/unstaged-files.js';
import { DockguardError } from './errors.js';
import { describeChangesSince, listChangesSince } from './git/changes-since.js';
import { isUnaffected, readServiceMemo, serviceMemoKey, writeServiceMemo } from './incremental/service-memo.js';

export interface CheckOptions {
  /** Where dockguard was started; the repository is found from here. */
  cwd: string;
  /** Limit the check to services these paths affect (relative to cwd). */
  paths?: string[];
  /** Analyse the index (the commit being made) instead of the working tree. */
  staged?: boolean;
  configPath?: string;
  /** Stage to model instead of each Dockerfile's last stage. */
  target?: string;
  /** `$VIRTUAL_ENV` of the caller: its package metadata maps imports to distributions. */
  virtualEnv?: string;
  /** Use the parse cache under the git directory (default: the config's `cache`, true). */
  cache?: boolean;
  /** Explain the dependency side of each service (Python version, installs, import → distribution). */
  verbose?: boolean;
  /** `--select`: report only these rules (names or codes). */
  select?: string[];
  /** `--ignore`: do not report these rules (names or codes). */
  ignoreRules?: string[];
  /** A baseline file (relative to cwd); default `dockguard-baseline.json` at the root when there is one; false for none. */
  baseline?: string | false;
  /** `--since <ref>`: only the services the changes since the merge-base of `ref` and HEAD affect (working tree included). */
  since?: string;
}

/**
 * The whole check, in order: find the repository and its config → decide
 * which paths matter → discover services and their build contexts → model
 * each image and launch → follow imports through what each image contains
 * and compare installs with imports → run the rules.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  return (await runCheck(options)).result;
}

export type { Inspection, InspectedService } from './inspect-service.js';

/** The check, and with an inspection what it read of one service. */
export async function runCheck<T>(options: CheckOptions, inspection?: Inspection<T>): Promise<{ result: CheckResult; inspected?: T }> {
  const started = performance.now();
  const phases = new PhaseClock(started);
  if (options.since !== undefined && options.staged) throw new DockguardError('--since and --staged cannot be combined', 'a commit is checked with --staged, a branch with --since <ref>');
  // With --staged one git call finds the root, the repository's state and HEAD: in a hook every git process counts.
  // A hook runs at the top level, so the staged diff starts with it, from there; elsewhere it waits for the root.
  const diffFromCwd = options.staged ? settleLater(readStagedDiff(options.cwd)) : undefined;
  const state = options.staged ? await detectStagedRepo(options.cwd) : undefined;
  const root = state?.root ?? (await findRepoRoot(options.cwd));
  // Independent git reads start together, so their process starts overlap.
  const changesRead = state
    ? settleLater(isTopLevel(options.cwd, root) ? diffFromCwd!.then((diff): StagedChanges => ({ base: state.head ? 'HEAD' : 'empty-tree', ...diff })) : listStagedChanges(root, state.head))
    : undefined;
  const sinceRead = options.since !== undefined && !options.staged ? settleLater(listChangesSince(root, options.since)) : undefined;
  // Without --staged the cache folder takes a git call of its own: it overlaps with the snapshot (the config may still turn the cache off).
  const cacheOpening = options.cache === false ? undefined : openCacheOrNote(root, state?.cacheDir);
  const configPath = options.configPath === undefined ? undefined : path.relative(root, path.resolve(options.cwd, options.configPath));
  const snapshot: RepoSnapshot & { close?: () => void; submodules?: readonly RepoPath[]; readBlob?: (id: string) => Promise<Buffer> } = options.staged
    ? await createIndexSnapshot(root, state?.index)
    : await createWorktreeSnapshot(root);
  try {
    // With --staged the config is the one being committed, read from the index like everything else.
    const { config, source } = await loadConfig(root, configPath, options.staged ? indexTextReader(root, snapshot) : undefined);
    const notes = state ? describeRepoState(state) : [];
    if (snapshot.submodules?.length) notes.push(`submodules are not checked: ${snapshot.submodules.join(', ')}`);
    const since = await sinceRead;
    if (since) notes.push(describeChangesSince(options.since!, since));
    phases.mark('git and config');
    const scope = await resolveScope(root, options.cwd, options.paths ?? [], snapshot, await changesRead, source, since && listTouchedPaths(since.changes));
    if (scope.nothingRelevant && !inspection) {
      return { result: emptyResult(root, started, [...notes, NOTHING_RELEVANT]) };
    }
    // Opening lists the cache folder; files are read as values are asked for (compose files' builds first).
    const opened = (options.cache ?? config.cache) ? await cacheOpening : undefined;
    if (opened?.note) notes.push(opened.note);
    const cache = opened?.cache;
    phases.mark('scope and cache');
    const discovered = await discoverServices(snapshot, config, { ...(source === undefined ? {} : { configFile: source }), ...(cache ? { cache } : {}) });
    const discoveredSpecs = discovered.services.map((s) => (options.target ? { ...s, target: options.target } : s));
    // Each service's verdict depends on its own inputs only: an inspection runs the check of the one it picks.
    const picked = inspection?.pick(discoveredSpecs, discovered.excluded, root);
    const specs = picked ? [picked] : discoveredSpecs;
    const pool = createParsePool();
    try {
      const store = new ModuleStore(snapshot, pool, cache);
      const dependencies = await createDependencyContext(snapshot, config, { virtualEnv: options.virtualEnv });
      const ctx = { snapshot, store, dependencies, loadContext: createBuildContextLoader(snapshot), repositoryImages: indexRepositoryImages(discovered.services) };
      phases.mark('discovery');
      const fingerprints = createFingerprints(store, dependencies.implicitRules, snapshot);
      // Cheapest proofs first, each only for the services the one before left: edits no analysis
      // sees and Dockerfiles that cannot reach a staged path need no memo; each memo read costs.
      const invisible =
        scope.staged && scope.paths && snapshot.readBlob && specs.length > 0
          ? await findInvisibleEdits({ changes: scope.staged, store, readBlob: snapshot.readBlob, fingerprintOf: fingerprints.ofModule })
          : new Set<RepoPath>();
      const reachable = scope.nothingRelevant ? [] : scope.paths ? await filterReachable(specs, scope.paths, invisible, snapshot, cache) : specs;
      const memos = cache && scope.staged ? loadMemos(scope.staged, reachable, config, options.virtualEnv, cache) : undefined;
      const unaffected = memos ? await Promise.all(reachable.map((_, i) => isUnaffected(memos.entries[i], snapshot, memos.staged, fingerprints.ofFile))) : [];
      const candidates = reachable.filter((_, i) => !unaffected[i]);
      phases.mark('proofs of unaffected services');
      const modelled = await Promise.all(candidates.map((spec) => modelService(spec, ctx)));
      const selectedByPath = scope.paths ? selectServices(modelled, scope.paths, invisible) : modelled;
      const selected =
        scope.staged && scope.paths && snapshot.readBlob
          ? await dropUnchangedImages(selectedByPath, { changes: scope.staged, paths: scope.paths, invisibleEdits: invisible, readBlob: snapshot.readBlob, ctx })
          : selectedByPath;
      phases.mark('image models');
      const analyses = await Promise.all(selected.map((m) => (m.walkable ? walkService(m, ctx) : m.analysis)));
      phases.mark('import walks and dependencies');
      const serviceFindings = runAllRules(analyses);
      phases.mark('rules');
      if (memos) {
        for (const analysis of analyses) {
          const clean = !serviceFindings.some((f) => f.severity === 'error' && f.service === analysis.service.dockerfile && f.variant === analysis.service.variant);
          const fingerprintOf = clean ? (file: RepoPath) => fingerprints.ofModule(analysis.modules.get(file)!) : undefined;
          const key = memos.keyOf(analysis.service);
          writeServiceMemo(cache!, key, analysis, snapshot, { fingerprintOf, previous: memos.byKey.get(key) });
        }
      }
      const found = sortFindings([...serviceFindings, ...discovered.problems.filter((p) => !scope.paths || scope.paths.includes(p.file as RepoPath)).map(globalFinding)]);
      const controlled = applyRuleControl(found, ruleControlOf(config, options));
      const baseline = await loadBaseline(snapshot, options.cwd, options.baseline);
      const checked = new Set(analyses.filter((a) => a.status === 'checked').map((a) => a.service.dockerfile as string));
      const { kept: findings, baselined, stale } = applyBaseline(controlled, baseline?.entries ?? [], checked);
      if (baseline && stale.length > 0) notes.push(describeStaleEntries(baseline.file, stale));
      const fixFiles = [...new Set(findings.filter((f) => f.severity === 'error' && f.fix).map((f) => f.fix!.file))];
      const commit = state ? { commit: { ...(state.operation ? { operation: state.operation } : {}), unstagedFixFiles: await listUnstagedFiles(root, fixFiles) } } : {};
      const inspected =
        inspection && picked
          ? await inspection.read(
              await inspectService(picked, { reachable, unaffected: reachable.filter((_, i) => unaffected[i]), selectedByPath, selected, analyses, findings, scope, invisible, ctx }),
            )
          : undefined;
      await cache?.flush().catch((error: Error) => notes.push(`the cache could not be saved (${error.message})`));
      phases.mark('baseline, memos and cache');
      const result: CheckResult = {
        root,
        services: [...analyses.map((a) => toServiceReport(a, options.verbose)), ...(scope.paths ? [] : discovered.excluded.map(excludedReport))],
        findings,
        baselined,
        ...commit,
        notes,
        stats: {
          durationMs: Math.round(performance.now() - started),
          unaffected: specs.length - selected.length,
          filesAnalysed: new Set(analyses.flatMap((a) => a.reachedFiles)).size,
          filesParsed: pool.stats().inThread + pool.stats().inWorkers,
          ...parserOf(pool.stats().engine),
          phasesMs: phases.durations(),
        },
      };
      return { result, ...(inspected !== undefined ? { inspected } : {}) };
    } finally {
      await pool.close();
    }
  } finally {
    snapshot.close?.();
  }
}

/** The engine that parsed: the pool's, or this thread's when only bound names were parsed. */
function parserOf(poolEngine: EngineName | undefined): { parser?: EngineName } {
  const engine = poolEngine ?? loadedEngineName();
  return engine ? { parser: engine } : {};
}

/** Rule settings: the defaults, the config's, then the command line's selection. */
function ruleControlOf(config: DockguardConfig, options: CheckOptions): RuleControl {
  return {
    settings: { ...DEFAULT_RULE_SETTINGS, ...config.rules },
    ignore: config.ignore,
    ...(options.select ? { select: toRuleNames(options.select, '--select') } : {}),
    ...(options.ignoreRules ? { ignoreRules: toRuleNames(options.ignoreRules, '--ignore') } : {}),
  };
}

function describeStaleEntries(file: string, stale: readonly BaselineEntry[]): string {
  const listed = stale.map((e) => `${e.rule} ${e.module ?? e.distribution ?? ''} in ${e.file} (${e.service})`.replace('  ', ' '));
  return `${stale.length} ${stale.length === 1 ? 'entry' : 'entries'} of ${file} no longer ${stale.length === 1 ? 'matches' : 'match'} any finding (fixed?): ${listed.join('; ')}; run \`npx dockguard baseline\` to shrink it`;
}

/** Memos of each service's last check, and the commit's changes to test them against. */
function loadMemos(changes: StagedChanges, specs: readonly ServiceSpec[], config: DockguardConfig, virtualEnv: string | undefined, cache: ContentCache) {
  // What else decides a check's result: the tool, the config, and the environment that says what is installed.
  const fingerprint = `${readBuildIdentity()}\0${JSON.stringify(config)}\0${virtualEnv ?? ''}`;
  const keyOf = (spec: ServiceSpec) => serviceMemoKey(spec, fingerprint);
  const structural = [...changes.added, ...changes.deleted, ...changes.typeChanged, ...changes.renamed.flatMap((r) => [r.from, r.to]), ...changes.copied.map((c) => c.to)];
  const keys = specs.map(keyOf);
  const entries = keys.map((key, i) => readServiceMemo(cache, key, specs[i]!.dockerfile));
  return {
    keyOf,
    entries,
    byKey: new Map(keys.map((key, i) => [key, entries[i]])),
    staged: { all: new Set(listTouchedPaths(changes)), structural },
  };
}

/** Config candidates from the index; a `--config` file outside the repository is read from disk. */
function indexTextReader(root: string, snapshot: RepoSnapshot): TextReader {
  return async (absolute) => {
    const rel = path.relative(root, absolute).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return readFile(absolute, 'utf8').catch(() => undefined);
    return snapshot.files.has(rel as RepoPath) ? (await snapshot.read(rel as RepoPath)).toString('utf8') : undefined;
  };
}

async function openCacheOrNote(root: string, dir: string | undefined): Promise<{ cache?: ContentCache; note?: string }> {
  try {
    return { cache: await openCache(root, { toolVersion: readBuildIdentity(), ...(dir !== undefined ? { dir } : {}) }) };
  } catch (error) {
    return { note: `the cache could not be opened, parsing everything (${(error as Error).message})` };
  }
}

/**
 * A promise started ahead of its use: when an earlier step throws, it is never
 * awaited, and its own failure must not surface as an unhandled rejection.
 */
/** Whether `cwd` is the repository's top level (git prints that path resolved, so `cwd` is too). */
function isTopLevel(cwd: string, root: string): boolean {
  try {
    return realpathSync.native(cwd) === realpathSync.native(root);
  } catch {
    return false;
  }
}

function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function emptyResult(root: string, started: number, notes: string[]): CheckResult {
  return { root, services: [], findings: [], baselined: [], notes, stats: { durationMs: Math.round(performance.now() - started), unaffected: 0, filesAnalysed: 0, filesParsed: 0 } };
}

function excludedReport(dockerfile: RepoPath): ReturnType<typeof toServiceReport> {
  return { dockerfile, context: null, contextSource: 'config', entrypoints: [], status: 'skipped', reason: 'excluded by config' };
}

/** Where a check's time went, phase by phase (JSON's `summary.phasesMs`): the hook's latency is profiled from it. */
class PhaseClock {
  private readonly durationsMs: Record<string, number> = {};
  constructor(private last: number) {}
  mark(phase: string): void {
    const now = performance.now();
    this.durationsMs[phase] = Math.round(now - this.last);
    this.last = now;
  }
  durations(): Record<string, number> {
    return { ...this.durationsMs };
  }
}
