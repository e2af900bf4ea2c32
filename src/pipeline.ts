import path from 'node:path';
import { modelService, walkService, type ModelledService } from './analyze/analyze-service.js';
import { ModuleStore } from './analyze/module-store.js';
import { loadConfig } from './config/load-config.js';
import { discoverServices } from './discover/discover-services.js';
import { DockguardError } from './errors.js';
import { findRepoRoot } from './git/repo-root.js';
import { createWorktreeSnapshot } from './git/worktree-snapshot.js';
import { createParsePool } from './python/parse-pool.js';
import { createDependencyContext } from './deps/analyze-dependencies.js';
import { RULES, findRule } from './rules/index.js';
import { selectServices } from './select-services.js';
import { sortFindings, toServiceReport, type CheckResult } from './result.js';
import type { Finding, Problem, RepoPath, ServiceAnalysis } from './types.js';

export interface CheckOptions {
  /** Where dockguard was started; the repository is found from here. */
  cwd: string;
  /** Limit the check to services these paths affect (relative to cwd). */
  paths?: string[];
  configPath?: string;
  /** Stage to model instead of each Dockerfile's last stage. */
  target?: string;
  /** `$VIRTUAL_ENV` of the caller: its package metadata maps imports to distributions. */
  virtualEnv?: string;
}

/**
 * The whole check, in order: find the repository and its config → discover
 * services and their build contexts → model each image and launch → follow
 * imports through what each image contains → run the rules.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const root = await findRepoRoot(options.cwd);
  const configPath = options.configPath === undefined ? undefined : path.relative(root, path.resolve(options.cwd, options.configPath));
  const { config, source } = await loadConfig(root, configPath);
  const snapshot = await createWorktreeSnapshot(root);
  const discovered = await discoverServices(snapshot, config, source === undefined ? {} : { configFile: source });
  const specs = discovered.services.map((s) => (options.target ? { ...s, target: options.target } : s));

  const pool = createParsePool();
  try {
    const store = new ModuleStore(snapshot, pool);
    const dependencies = await createDependencyContext(snapshot, config, { virtualEnv: options.virtualEnv });
    const ctx = { snapshot, store, dependencies };
    const modelled = await Promise.all(specs.map((spec) => modelService(spec, ctx)));
    const wanted = options.paths?.length ? toRepoPaths(root, options.cwd, options.paths, snapshot) : undefined;
    const selected = wanted ? selectServices(modelled, wanted) : modelled;
    const analyses = await Promise.all(selected.map((m) => (m.walkable ? walkService(m, ctx) : m.analysis)));
    const findings = sortFindings([
      ...analyses.flatMap(runRules),
      ...(wanted ? [] : discovered.problems.map(globalFinding)),
    ]);
    return {
      root,
      services: [...analyses.map(toServiceReport), ...discovered.excluded.map(excludedReport)],
      findings,
      stats: {
        durationMs: Math.round(performance.now() - started),
        unaffected: modelled.length - selected.length,
        filesAnalysed: new Set(analyses.flatMap((a) => a.reachedFiles)).size,
      },
    };
  } finally {
    await pool.close();
  }
}

function runRules(analysis: ServiceAnalysis): Finding[] {
  const { dockerfile, variant } = analysis.service;
  return RULES.flatMap((rule) => rule.check(analysis)).map(({ code, rule, severity, ...rest }) => ({
    code,
    rule,
    severity,
    service: dockerfile,
    ...(variant !== undefined ? { variant } : {}),
    ...rest,
  }));
}

/** Discovery problems concern a build file, not one service: the file stands in for the service. */
function globalFinding(problem: Problem): Finding {
  const rule = findRule(problem.rule);
  return {
    code: rule?.code ?? 'DG000',
    rule: problem.rule,
    severity: problem.severity ?? rule?.severity ?? 'error',
    service: problem.file,
    file: problem.file,
    line: problem.line,
    message: problem.message,
  };
}

function excludedReport(dockerfile: RepoPath): ReturnType<typeof toServiceReport> {
  return { dockerfile, context: null, contextSource: 'config', entrypoints: [], status: 'skipped', reason: 'excluded by config' };
}

function toRepoPaths(root: string, cwd: string, paths: string[], snapshot: { files: ReadonlySet<RepoPath>; dirs: ReadonlySet<RepoPath> }): RepoPath[] {
  return paths.map((p) => {
    const rel = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new DockguardError(`${p} is outside the repository ${root}`);
    const repoPath = rel as RepoPath;
    if (!snapshot.files.has(repoPath) && !snapshot.dirs.has(repoPath)) {
      throw new DockguardError(`${p}: no such file or folder in the repository (untracked files that git ignores are not part of any image)`);
    }
    return repoPath;
  });
}

export type { ModelledService };
