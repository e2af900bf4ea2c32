import path from 'node:path/posix';
import type { InstallCommand } from './install-command.js';
import { walkArgs } from './walk-args.js';

const list = (value: string | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);
const inProject = (install: InstallCommand, ...names: string[]): string[] => names.map((n) => (install.projectDir ? path.join(install.projectDir, n) : n));

const UV_VALUES = new Set(['--extra', '--group', '--only-group', '--no-group', '--package', '--project', '--directory', '-p', '--python', '--link-mode', '--index-url', '--extra-index-url', '--find-links', '-f', '--no-extra', '--index', '--default-index']);

/** `uv sync …`: the lock of the project (`uv.lock` beside `pyproject.toml`) with dev by default. */
export function readUvSyncArgs(args: string[], install: InstallCommand): void {
  walkArgs(args, UV_VALUES, (option, value) => {
    const g = install.groups;
    if (option === '--extra' && value) install.extras.push(value);
    else if (option === '--all-extras') install.allExtras = true;
    else if (option === '--group' && value) g.with.push(value);
    else if (option === '--dev') g.with.push('dev');
    else if (option === '--no-group' && value) g.without.push(value);
    else if (option === '--no-dev') g.without.push('dev');
    else if (option === '--only-group' && value) g.only = [...(g.only ?? []), value];
    else if (option === '--only-dev') g.only = [...(g.only ?? []), 'dev'];
    else if (option === '--all-groups') g.all = true;
    else if (option === '--no-default-groups') g.noDefault = true;
    else if (option === '--frozen' || option === '--locked') install.frozen = true;
    else if (option === '--no-install-project' || option === '--only-deps') install.noProject = true;
    else if ((option === '--project' || option === '--directory') && value) install.projectDir = value;
    else if ((option === '-f' || option === '--find-links') && value) install.findLinks.push(value);
  });
  install.files.push(...inProject(install, 'pyproject.toml', 'uv.lock'));
}

const POETRY_VALUES = new Set(['-E', '--extras', '--with', '--without', '--only', '-C', '--directory', '-P', '--project']);

/** `poetry install|sync …`: main + non-optional groups + the root project from poetry.lock. */
export function readPoetryArgs(args: string[], install: InstallCommand): void {
  walkArgs(args, POETRY_VALUES, (option, value) => {
    const g = install.groups;
    if ((option === '-E' || option === '--extras') && value) install.extras.push(...list(value));
    else if (option === '--all-extras') install.allExtras = true;
    else if (option === '--with' && value) g.with.push(...list(value));
    else if (option === '--without' && value) g.without.push(...list(value));
    else if (option === '--only' && value) g.only = [...(g.only ?? []), ...list(value)];
    else if (option === '--all-groups') g.all = true;
    else if (option === '--only-root') g.only = [];
    else if (option === '--no-root') install.noProject = true;
    else if (option === '--no-dev') {
      g.without.push('dev');
      install.problems.push({ rule: 'install-command-unanalysable', file: '', line: install.line, severity: 'warning', message: '`poetry install --no-dev` was removed in Poetry 2.0 (use `--without dev` or `--only main`); with Poetry 2 this RUN fails' });
    } else if ((option === '-C' || option === '--directory' || option === '-P' || option === '--project') && value) install.projectDir = value;
  });
  install.files.push(...inProject(install, 'pyproject.toml', 'poetry.lock'));
}

const PIPFILE_CATEGORIES: Record<string, string> = { packages: 'default', 'dev-packages': 'develop' };

/** `pipenv install|sync …`: `default` of Pipfile.lock, `develop` with `--dev`; named packages inline. */
export function readPipenvArgs(args: string[], install: InstallCommand): void {
  walkArgs(args, new Set(['--categories', '--python', '--pypi-mirror', '-r', '--requirements']), (option, value) => {
    if (option === undefined && value) install.inline.push(value);
    else if (option === '--dev' || option === '-d') install.groups.with.push('develop');
    // The Pipfile's `[packages]` and `[dev-packages]` are the lock's `default` and `develop`.
    else if (option === '--categories' && value) install.groups.only = list(value).map((c) => PIPFILE_CATEGORIES[c] ?? c);
    else if (option === '--deploy') install.frozen = true;
    else if (option === '--system') install.target = { kind: 'system' };
    else if ((option === '-r' || option === '--requirements') && value) install.files.push(value);
  });
  if (install.inline.length === 0) install.files.push('Pipfile', 'Pipfile.lock');
}

/** `pdm install|sync …`: every locked group by default; `--prod` drops dev groups. */
export function readPdmArgs(args: string[], install: InstallCommand): void {
  walkArgs(args, new Set(['-G', '--group', '--without', '-p', '--project', '-L', '--lockfile']), (option, value) => {
    if ((option === '-G' || option === '--group') && value) install.groups.with.push(...list(value));
    else if (option === '--without' && value) install.groups.without.push(...list(value));
    else if (option === '--prod' || option === '--production') install.groups.noDefault = true;
    else if (option === '--no-self') install.noProject = true;
    else if (option === '--frozen-lockfile' || option === '--check') install.frozen = true;
    else if ((option === '-p' || option === '--project') && value) install.projectDir = value;
  });
  install.files.push(...inProject(install, 'pyproject.toml', 'pdm.lock'));
}
