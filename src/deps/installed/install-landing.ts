import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import type { InstallCommand } from '../installs.js';

/** Directories on PATH that belong to the system interpreter, not a virtualenv. */
export const SYSTEM_BIN = new Set(['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin']);

/**
 * Where an install puts packages, as image directories, or undefined when it
 * cannot be told (Poetry's default virtualenv in a cache folder). A stage
 * the final image copies from contributes an install only when a copied
 * path overlaps one of these.
 */
export function installLanding(install: InstallCommand, run: RunRecord): string[] | undefined {
  const env = run.env;
  const at = (p: string): string => path.resolve(install.cwd, p);
  if (install.target?.path !== undefined) return [at(install.target.path)];
  if (install.target?.kind === 'user') {
    const home = homeOf(run);
    return home === undefined ? undefined : [`${home}/.local`];
  }
  const dirs: string[] = [];
  if (install.program.includes('/bin/')) dirs.push(path.dirname(path.dirname(install.program)));
  // An exported lock is installed by pip: the lock tool's own environments play no part.
  if (install.exportedBy !== undefined) return pipLanding(dirs, env, install);
  if (install.tool === 'uv-sync') dirs.push(env.UV_PROJECT_ENVIRONMENT !== undefined ? at(env.UV_PROJECT_ENVIRONMENT) : at(path.join(install.projectDir ?? '.', '.venv')));
  if (install.tool === 'poetry') {
    if (env.POETRY_VIRTUALENVS_CREATE === 'false' || env.POETRY_VIRTUALENVS_CREATE === '0') dirs.push('/usr/local', '/usr/lib');
    else if (env.POETRY_VIRTUALENVS_IN_PROJECT === 'true' || env.POETRY_VIRTUALENVS_IN_PROJECT === '1') dirs.push(at(path.join(install.projectDir ?? '.', '.venv')));
    else if (env.POETRY_VIRTUALENVS_PATH !== undefined) dirs.push(env.POETRY_VIRTUALENVS_PATH);
    else return undefined;
  }
  if (install.tool === 'pipenv' && install.target?.kind !== 'system') {
    // Without --system pipenv makes a virtualenv: the project's .venv when that folder exists or
    // PIPENV_VENV_IN_PROJECT is set, else one under WORKON_HOME; which one depends on the build's files.
    dirs.push(at('.venv'), env.WORKON_HOME ?? `${env.HOME ?? '/root'}/.local/share/virtualenvs`);
  }
  return pipLanding(dirs, env, install);
}

/** The active virtualenv (VIRTUAL_ENV, or a venv's bin first on PATH), else the system's site-packages. */
function pipLanding(dirs: string[], env: RunRecord['env'], install: InstallCommand): string[] {
  if (env.VIRTUAL_ENV !== undefined) dirs.push(env.VIRTUAL_ENV);
  const venvBin = (env.PATH ?? '').split(':').find((p) => p.endsWith('/bin') && !SYSTEM_BIN.has(p));
  if (venvBin !== undefined && !install.program.includes('/')) dirs.push(path.dirname(venvBin));
  if (dirs.length === 0) dirs.push('/usr/local', '/usr/lib');
  return dirs;
}

/**
 * `~` of the RUN: HOME when set, /root for root, else `/home/<name>` (what
 * `useradd -m` makes); undefined for a numeric uid, whose home is unknown.
 */
export function homeOf(run: RunRecord): string | undefined {
  if (run.env.HOME !== undefined) return run.env.HOME;
  const name = (run.user ?? 'root').split(':')[0] as string;
  if (name === 'root' || name === '0' || name === '') return '/root';
  return /^\d+$/.test(name) ? undefined : `/home/${name}`;
}

/** True when one path lies within the other. */
export function overlaps(a: string, b: string): boolean {
  const within = (x: string, dir: string) => dir === '/' || x === dir || x.startsWith(`${dir}/`);
  return within(a, b) || within(b, a);
}
