import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WATCHED_FILES_GLOB, WATCHED_FILES_REGEX } from '../../src/init/watched-files.js';

// The picomatch copy lint-staged itself loads, whatever the node_modules layout.
const fromLintStaged = createRequire(createRequire(import.meta.url).resolve('lint-staged/package.json'));
const picomatch = fromLintStaged('picomatch') as (glob: string, options: object) => (file: string) => boolean;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const WATCHED = [
  'app.py', 'services/orders/app/main.py', 'Dockerfile', 'services/api/Dockerfile', 'docker/Dockerfile.prod',
  'docker/ingest.Dockerfile', 'services/api/.dockerignore', 'docker/ingest.Dockerfile.dockerignore', '.gcloudignore',
  'requirements.txt', 'services/api/requirements-dev.txt', 'requirements/base.in', 'services/api/requirements/prod.txt', 'pyproject.toml', 'libs/core/setup.cfg',
  'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock', 'docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yaml',
  'dockguard.config.json',
];
const IGNORED = ['README.md', 'web/src/index.ts', 'app.pyc', 'requirements.txt.bak', 'package.json', 'mydockerfile.txt', 'docs/requirements/notes.md'];

describe('watched files', () => {
  it('lint-staged glob matches the same files as lint-staged itself would', () => {
    // The options lint-staged 16 passes to picomatch (matchBase only for patterns without `/`).
    const isMatch = picomatch(WATCHED_FILES_GLOB, { dot: true, matchBase: !WATCHED_FILES_GLOB.includes('/'), posixSlashes: true, strictBrackets: true });
    expect(WATCHED.filter((file) => !isMatch(file))).toEqual([]);
    expect(IGNORED.filter((file) => isMatch(file))).toEqual([]);
  });

  it('pre-commit regex matches the same files', () => {
    const regex = new RegExp(WATCHED_FILES_REGEX);
    expect(WATCHED.filter((file) => !regex.test(file))).toEqual([]);
    expect(IGNORED.filter((file) => regex.test(file))).toEqual([]);
  });

  it('the shipped hook, run without a dockguard command, lets through only commits that touch none of the same files', () => {
    const hook = readFileSync(path.join(ROOT, 'hooks', 'pre-commit'), 'utf8');
    // In single quotes, sh keeps the text as it is: the regex grep -E gets is the line's text.
    expect(/^ {2}watched='([^']*)'$/m.exec(hook)?.[1]).toBe(WATCHED_FILES_REGEX);
  });

  it('.pre-commit-hooks.yaml shipped in the package uses the same regex and command', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: 'dockguard',
      entry: 'dockguard check --staged',
      language: 'node',
      files: WATCHED_FILES_REGEX,
      require_serial: true,
    });
    // Stage names differ between pre-commit < 3.2 and 4.x (one rejects, the other warns): the manifest names none.
    expect(hooks[0]).not.toHaveProperty('stages');
    expect(hooks[0]).not.toHaveProperty('minimum_pre_commit_version');
  });
});
