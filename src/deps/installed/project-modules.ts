import type { RepoPath } from '../../types.js';

const NOT_MODULES = new Set(['setup', 'conftest', 'noxfile', 'tasks', 'manage', 'tests', 'test', 'docs', 'scripts', 'examples', 'build', 'dist']);

/**
 * Top-level import names a local project installs (`pip install .`):
 * packages and modules at its root or under `src/`. Over-inclusive on
 * purpose: a name wrongly counted only hides an import the project really has.
 */
export function findProjectModules(projectDir: RepoPath, files: ReadonlySet<RepoPath>): string[] {
  const prefix = projectDir === '' ? '' : `${projectDir}/`;
  const names = new Set<string>();
  for (const file of files) {
    if (!file.startsWith(prefix) || !file.endsWith('.py')) continue;
    let parts = file.slice(prefix.length).split('/');
    if (parts[0] === 'src' && parts.length > 1) parts = parts.slice(1);
    const top = parts.length === 1 ? (parts[0] as string).slice(0, -3) : (parts[0] as string);
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(top) && !NOT_MODULES.has(top)) names.add(top);
  }
  return [...names].sort();
}
