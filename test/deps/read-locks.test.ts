import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotReader } from '../../src/deps/create-snapshot-reader.js';
import { loadDependencyFile } from '../../src/deps/load-dependency-file.js';
import { readPipfileLock } from '../../src/deps/read-pipfile-lock.js';
import { readPoetryLock } from '../../src/deps/read-poetry-lock.js';
import { readPylock } from '../../src/deps/read-pylock.js';
import { readUvLock } from '../../src/deps/read-uv-lock.js';
import type { DependencyFile, Requirement, TextReader } from '../../src/deps/types.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath } from '../../src/types.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const env = { pythonVersion: '3.11' };
const byName = (f: DependencyFile, name: string): Requirement | undefined => f.requirements.find((r) => r.name === name);
let readers: Record<string, TextReader> = {};

beforeAll(async () => {
  for (const name of ['deps-uv-workspace', 'deps-poetry-drift', 'deps-pipenv-service']) {
    readers[name] = createSnapshotReader(await createWorktreeSnapshot(makeFixtureRepo(name)));
  }
});
afterAll(() => {
  readers = {};
  removeFixtureRepos();
});

describe('readUvLock', () => {
  it('lists every installable package pinned, with the parts that reach it', async () => {
    const f = await loadDependencyFile(asRepoPath('uv.lock'), readers['deps-uv-workspace']!, env);
    expect(f.format).toBe('uv-lock');
    expect(f.problems).toEqual([]);
    expect(byName(f, 'flask')).toMatchObject({ specifier: '==3.0.3', direct: true, markerResult: true, groups: ['main'], kind: 'registry' });
    expect(byName(f, 'blinker')).toMatchObject({ direct: false, markerResult: true, groups: ['main'] });
    // a workspace member (bq-utils) declares pandas, so it is direct too
    expect(byName(f, 'pandas')).toMatchObject({ direct: true, groups: ['extra:bigquery', 'main'] });
    expect(byName(f, 'pyarrow')).toMatchObject({ groups: ['extra:bigquery'] }); // only via google-cloud-bigquery[pandas]
    expect(byName(f, 'ruff')).toMatchObject({ groups: ['dev'], direct: true });
    expect(byName(f, 'pytest')).toMatchObject({ groups: ['dev', 'test'] });
    expect(byName(f, 'analytics')).toMatchObject({ kind: 'editable', url: '.', direct: true });
    expect(byName(f, 'bq-utils')).toMatchObject({ kind: 'editable', url: 'libs/bq-utils', direct: true });
    expect(byName(f, 'flask')?.dependsOn).toEqual(['blinker']);
    expect(byName(f, 'flask')?.source.line).toBe(76); // its [[package]] header
  });

  it('marks packages reached only through false markers as not installed', async () => {
    const f = await loadDependencyFile(asRepoPath('uv.lock'), readers['deps-uv-workspace']!, env);
    expect(byName(f, 'pywin32')?.markerResult).toBe(false);
    expect(byName(f, 'colorama')?.markerResult).toBe(false);
    expect(byName(f, 'packaging')?.markerResult).toBe(true);
  });

  it('drops a virtual root, which uv never installs, and reports an unknown lock version', () => {
    const text = 'version = 1\n[[package]]\nname = "svc"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [{ name = "flask" }]\n[[package]]\nname = "flask"\nversion = "3.0.3"\nsource = { registry = "https://pypi.org/simple" }\n';
    const f = readUvLock(asRepoPath('uv.lock'), text, env);
    expect(f.requirements.map((r) => [r.name, r.direct])).toEqual([['flask', true]]);
    expect(readUvLock(asRepoPath('uv.lock'), text.replace('version = 1', 'version = 9'), env).problems).toMatchObject([{ rule: 'dependency-file-unanalysable' }]);
    expect(readUvLock(asRepoPath('uv.lock'), 'version = = 1', env).problems).toMatchObject([{ rule: 'dependency-file-malformed', line: 1 }]);
  });
});

describe('readPoetryLock', () => {
  it('reads a lock-version 2.1 file: pins, groups, per-group markers, edges', async () => {
    const f = await loadDependencyFile(asRepoPath('services/exporter/poetry.lock'), readers['deps-poetry-drift']!, env);
    expect(f.format).toBe('poetry-lock');
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((r) => `${r.name}${r.specifier}`)).toEqual([
      'blinker==1.8.2', 'colorama==0.4.6', 'flask==3.0.3', 'google-cloud-bigquery==3.25.0', 'gunicorn==22.0.0',
      'pandas==2.1.4', 'pytest==8.2.2', 'pywin32==306', 'uvloop==0.19.0',
    ]);
    expect(f.requirements.every((r) => r.direct === false)).toBe(true);
    expect(byName(f, 'pytest')?.groups).toEqual(['dev']);
    expect(byName(f, 'colorama')).toMatchObject({ groups: ['main', 'dev'], markerResult: false });
    expect(byName(f, 'pywin32')?.markerResult).toBe(false);
    expect(byName(f, 'uvloop')?.markerResult).toBe(true);
    expect(byName(f, 'flask')?.dependsOn).toEqual(['blinker', 'click', 'itsdangerous', 'jinja2', 'werkzeug']);
  });

  it('reads old category files and git / directory sources', () => {
    const text = [
      '[[package]]', 'name = "acme-shared"', 'version = "1.2.0"', 'category = "main"', 'optional = false', 'python-versions = "*"',
      '[package.source]', 'type = "git"', 'url = "https://github.com/acme/shared.git"', 'reference = "v1.2"',
      '[[package]]', 'name = "common"', 'version = "0.1.0"', 'category = "dev"', 'develop = true',
      '[package.source]', 'type = "directory"', 'url = "../../libs/common"',
      '[metadata]', 'lock-version = "1.1"',
    ].join('\n');
    const f = readPoetryLock(asRepoPath('poetry.lock'), text, env);
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((r) => [r.name, r.kind, r.url, r.groups, r.source.line])).toEqual([
      ['acme-shared', 'vcs', 'https://github.com/acme/shared.git', ['main'], 1],
      ['common', 'editable', '../../libs/common', ['dev'], 11],
    ]);
  });

  it('reports a lock-version it does not know', () => {
    expect(readPoetryLock(asRepoPath('poetry.lock'), '[metadata]\nlock-version = "3.0"\n', env).problems).toMatchObject([{ rule: 'dependency-file-unanalysable' }]);
  });
});

describe('readPipfileLock', () => {
  it('reads default and develop with markers, extras and editable paths', async () => {
    const f = await loadDependencyFile(asRepoPath('services/ingest/Pipfile.lock'), readers['deps-pipenv-service']!, env);
    expect(f.format).toBe('pipfile-lock');
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((r) => [r.name, r.specifier, r.groups?.[0], r.markerResult])).toEqual([
      ['blinker', '==1.8.2', 'default', true],
      ['flask', '==3.0.3', 'default', true],
      ['google-cloud-bigquery', '==3.25.0', 'default', true],
      ['gunicorn', '==22.0.0', 'default', true],
      ['ingest-common', '', 'default', true],
      ['pywin32', '==306', 'default', false],
      ['pytest', '==8.2.2', 'develop', true],
    ]);
    expect(byName(f, 'ingest-common')).toMatchObject({ kind: 'editable', url: '../../libs/ingest-common' });
    expect(byName(f, 'google-cloud-bigquery')).toMatchObject({ extras: ['pandas'], source: { line: 34 } });
  });

  it('reports broken JSON at its line', () => {
    const f = readPipfileLock(asRepoPath('Pipfile.lock'), '{\n  "default": {\n    "flask": {,\n  }\n}\n', env);
    expect(f.problems).toMatchObject([{ rule: 'dependency-file-malformed', line: 3 }]);
  });
});

describe('readPylock', () => {
  it('reads PEP 751 packages, markers on extras and default groups', () => {
    const text = [
      'lock-version = "1.0"', 'requires-python = ">=3.11"', 'default-groups = ["default"]', 'dependency-groups = ["default", "dev"]', 'created-by = "uv"',
      '[[packages]]', 'name = "flask"', 'version = "3.0.3"', 'index = "https://pypi.org/simple"',
      '[[packages]]', 'name = "pytest"', 'version = "8.2.2"', 'marker = "\'dev\' in dependency_groups"',
      '[[packages]]', 'name = "acme-common"', 'marker = "\'default\' in dependency_groups"',
      '[packages.directory]', 'path = "libs/common"', 'editable = true',
    ].join('\n');
    const f = readPylock(asRepoPath('pylock.toml'), text, env);
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((r) => [r.name, r.specifier, r.kind, r.markerResult, r.source.line])).toEqual([
      ['flask', '==3.0.3', 'registry', true, 6],
      ['pytest', '==8.2.2', 'registry', false, 10],
      ['acme-common', '', 'editable', true, 14],
    ]);
    expect(readPylock(asRepoPath('pylock.toml'), text, { ...env, dependencyGroups: ['dev'] }).requirements.map((r) => r.markerResult)).toEqual([true, true, false]);
  });
});

describe('lock entries of the wrong type', () => {
  const path = asRepoPath('svc/lock');
  const malformedLines = (f: DependencyFile) => f.problems.filter((p) => p.rule === 'dependency-file-malformed').map((p) => p.line);

  it('uv.lock: a package that is no table, or whose version or dependencies have the wrong type, is malformed and not installed', () => {
    const text = [
      'version = 1',
      '',
      '[[package]]',
      'name = "app"',
      'version = "0.1.0"',
      'source = { virtual = "." }',
      'dependencies = [{ name = "flask" }, { name = "redis" }]',
      '',
      '[[package]]',
      'name = "flask"',
      'version = 3',
      'source = { registry = "https://pypi.org/simple" }',
      '',
      '[[package]]',
      'name = "redis"',
      'version = "5.2.0"',
      'source = { registry = "https://pypi.org/simple" }',
      'dependencies = "async-timeout"',
      '',
    ].join('\n');
    const f = readUvLock(path, text, env);
    expect(f.requirements.map((r) => r.name)).toEqual([]);
    expect(malformedLines(f)).toEqual([9, 14]);
  });

  it('uv.lock: `package` that is not an array of tables is malformed', () => {
    const f = readUvLock(path, 'version = 1\npackage = "flask"\n', env);
    expect(malformedLines(f)).toEqual([1]);
    expect(f.requirements).toEqual([]);
  });

  it('poetry.lock: a package with a list of dependencies or a numeric version is malformed and not installed', () => {
    const text = [
      '[[package]]',
      'name = "flask"',
      'version = "3.1.0"',
      'dependencies = ["werkzeug"]',
      '',
      '[[package]]',
      'name = "redis"',
      'version = 5.2',
      '',
      '[[package]]',
      'name = "click"',
      'version = "8.1.7"',
      '',
      '[metadata]',
      'lock-version = "2.0"',
      '',
    ].join('\n');
    const f = readPoetryLock(path, text, env);
    expect(f.requirements.map((r) => r.name)).toEqual(['click']);
    expect(malformedLines(f)).toEqual([1, 6]);
  });

  it('Pipfile.lock: a category that is a list, or an entry that is a string, is malformed and not installed', () => {
    const text = JSON.stringify({ _meta: {}, default: { requests: '==2.32.3', flask: { version: '==3.1.0' }, redis: { version: 5 } }, develop: ['pytest'] }, null, 4);
    const f = readPipfileLock(path, text, env);
    expect(f.requirements.map((r) => r.name)).toEqual(['flask']);
    expect(f.problems.map((p) => p.message.replace(/^[^ ]+ /, ''))).toEqual([
      '"default" → "requests" is a string, not an object; it is not counted as installed',
      '"default" → "redis" has a version of type number, not a string; it is not counted as installed',
      '"develop" is a list, not an object; it is not counted as installed',
    ]);
  });
});
