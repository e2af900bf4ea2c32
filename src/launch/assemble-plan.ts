import type { ImagePath, LaunchPlan, LaunchRoot, RepoPath } from '../types.js';
import type { Reached } from './launch-walk.js';
import { readPythonPathEnv } from './python-path-env.js';

/** Roots of one Python start, plus the settings module Django will import from the environment. */
function rootsOf(reached: Reached): LaunchRoot[] {
  const settings = reached.env.DJANGO_SETTINGS_MODULE;
  const django: LaunchRoot[] = settings ? [{ kind: 'module', module: settings, why: 'DJANGO_SETTINGS_MODULE' }] : [];
  const roots = [...reached.result.roots, ...django];
  return reached.assumption === undefined ? roots : roots.map((root) => ({ ...root, assumption: reached.assumption }));
}

/** Each root once; a start that surely happens proves more than the same start under a condition. */
function uniqueRoots(roots: LaunchRoot[]): LaunchRoot[] {
  const byKey = new Map<string, LaunchRoot>();
  for (const root of roots) {
    const { assumption: _, ...bare } = root;
    const key = JSON.stringify(bare);
    const seen = byKey.get(key);
    if (!seen || (seen.assumption !== undefined && root.assumption === undefined)) byKey.set(key, root);
  }
  return [...byKey.values()];
}

/** Programs every start of which rests on an assumption, with the first one. */
function programAssumptionsOf(reached: Reached[]): { programAssumptions?: Record<string, string> } {
  const assumed: Record<string, string> = {};
  const sure = new Set(reached.filter((r) => r.assumption === undefined).flatMap((r) => r.programs));
  for (const r of reached) for (const program of r.programs) if (r.assumption !== undefined && !sure.has(program)) assumed[program] ??= r.assumption;
  return Object.keys(assumed).length > 0 ? { programAssumptions: assumed } : {};
}

/** sys.path of one Python start in Python's order: launcher entries, then PYTHONPATH. */
function sysPathOf(reached: Reached): ImagePath[] {
  const { result, env, cwd } = reached;
  return [...result.front, ...(result.ignoresPythonPath ? [] : readPythonPathEnv(env, cwd))];
}

/**
 * Why each entry of one Python start is on sys.path: the folder of the script
 * it runs (Python's sys.path[0]), the working directory a `-m` start or a
 * server puts first, what the launcher's own options add, then PYTHONPATH.
 */
function sysPathWhyOf(reached: Reached, why: Record<string, string>): void {
  const { result, env, cwd, program } = reached;
  const scripts = result.roots.flatMap((root) => (root.kind === 'script' ? [root.path] : []));
  for (const entry of result.front) {
    const script = scripts.find((file) => file.slice(0, file.lastIndexOf('/')) === entry || (entry === '/' && file.lastIndexOf('/') === 0));
    why[entry] ??= script ? `folder of the script ${script}, which ${program} runs` : entry === cwd ? `the working directory ${program} starts in` : `put first by ${program}`;
  }
  if (!result.ignoresPythonPath) for (const entry of readPythonPathEnv(env, cwd)) why[entry] ??= 'PYTHONPATH';
  for (const entry of result.tail ?? []) why[entry] ??= `appended by ${program}`;
}

const unique = <T>(items: T[], key: (t: T) => string = String): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
};

/**
 * One plan from every Python start. The contract has a single sys.path, so
 * the last start (the long-running server) comes first, then the earlier
 * ones (migrations), then the healthcheck's.
 */
export function assemblePlan(description: string, main: Reached[], health: Reached[]): LaunchPlan {
  const last = main.at(-1) as Reached;
  const ordered = [last, ...main.slice(0, -1), ...health];
  return {
    program: last.program,
    programs: unique([...main, ...health].flatMap((r) => r.programs)),
    roots: uniqueRoots([...main, ...health].flatMap(rootsOf)),
    sysPath: unique(ordered.flatMap(sysPathOf)),
    sysPathTail: unique(ordered.flatMap((r) => r.result.tail ?? [])),
    sysPathWhy: ordered.reduce<Record<string, string>>((why, reached) => (sysPathWhyOf(reached, why), why), {}),
    description,
    fallback: false,
    problems: [],
    ...installedProjectsOf([...main, ...health]),
    ...programAssumptionsOf([...main, ...health]),
  };
}

function installedProjectsOf(reached: Reached[]): { installedProjects?: RepoPath[] } {
  const projects = unique(reached.flatMap((r) => r.result.installedProjects ?? []));
  return projects.length > 0 ? { installedProjects: projects } : {};
}
