import { afterAll, describe, expect, it } from 'vitest';
import { createSnapshotReader } from '../../src/deps/create-snapshot-reader.js';
import { loadDependencyFile } from '../../src/deps/load-dependency-file.js';
import { readPyproject } from '../../src/deps/read-pyproject.js';
import type { PyprojectFile } from '../../src/deps/types.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath } from '../../src/types.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const env = { pythonVersion: '3.11' };
const file = asRepoPath('svc/pyproject.toml');
const read = (text: string) => readPyproject(file, text, env);
const names = (list: Array<{ name: string; specifier: string }> | undefined) => (list ?? []).map((r) => `${r.name}${r.specifier}`);

afterAll(removeFixtureRepos);

describe('readPyproject (PEP 621 / PEP 735 / uv)', () => {
  it('reads main dependencies, extras and groups from the uv workspace fixture', async () => {
    const root = makeFixtureRepo('deps-uv-workspace');
    const reader = createSnapshotReader(await createWorktreeSnapshot(root));
    const f = (await loadDependencyFile(asRepoPath('pyproject.toml'), reader, env)) as PyprojectFile;
    expect(f.problems).toEqual([]);
    expect(f.projectName).toBe('analytics');
    expect(f.requiresPython).toBe('>=3.11');
    expect(f.hasBuildSystem).toBe(true);
    expect(f.uvPackage).toBe(true);
    expect(names(f.requirements)).toEqual(['flask>=3.0,<4', 'gunicorn>=22', 'pywin32>=306', 'bq-utils']);
    expect(f.requirements.map((r) => r.markerResult)).toEqual([true, true, false, true]);
    expect(f.requirements.map((r) => r.source.line)).toEqual([6, 7, 8, 9]);
    expect(names(f.extras.bigquery)).toEqual(['google-cloud-bigquery>=3.20', 'db-dtypes>=1.2']);
    expect(f.extras.bigquery?.[0]?.extras).toEqual(['pandas']);
    // include-group expands in place
    expect(names(f.groups.dev)).toEqual(['ruff==0.5.0', 'pytest>=8.2']);
    expect(names(f.groups.test)).toEqual(['pytest>=8.2']);
  });

  it('notes packaging facts: no build-system, uv package=false, poetry package-mode', () => {
    const f = read('[project]\nname = "svc"\ndependencies = []\n[tool.uv]\npackage = false\n');
    expect(f).toMatchObject({ hasBuildSystem: false, uvPackage: false, poetryPackageMode: undefined, requirements: [] });
  });

  it('follows dynamic dependencies to their setuptools file, and reports when nothing says where', async () => {
    const text = '[project]\nname = "svc"\ndynamic = ["dependencies", "version"]\n[tool.setuptools.dynamic]\ndependencies = { file = ["requirements.txt"] }\n';
    expect(read(text)).toMatchObject({ dynamicDependencies: true, includes: ['svc/requirements.txt'], problems: [] });
    const files: Record<string, string> = { 'svc/pyproject.toml': text, 'svc/requirements.txt': 'flask==3.0.3\n' };
    const loaded = await loadDependencyFile(file, async (p) => files[p], env);
    expect(names(loaded.requirements)).toEqual(['flask==3.0.3']);
    const hidden = read('[project]\nname = "svc"\ndynamic = ["dependencies"]\n');
    expect(hidden.problems).toMatchObject([{ rule: 'dependency-file-unanalysable', severity: 'warning' }]);
  });

  it('reports invalid TOML, a bad requirement string and a bad include-group, with lines', () => {
    expect(read('[project\nname = "x"\n').problems).toMatchObject([{ rule: 'dependency-file-malformed', line: 1 }]);
    const f = read('[project]\nname = "x"\ndependencies = [\n  "flask>=3",\n  "gunicorn=22",\n]\n[dependency-groups]\ndev = [{ include-group = "lint" }]\n');
    expect(names(f.requirements)).toEqual(['flask>=3']);
    expect(f.problems.map((p) => [p.rule, p.line])).toEqual([
      ['dependency-file-malformed', 5],
      ['dependency-file-malformed', 8],
    ]);
    const cycle = read('[dependency-groups]\na = [{ include-group = "b" }]\nb = [{ include-group = "a" }, "ruff"]\n');
    expect(cycle.problems.some((p) => /includes itself/.test(p.message))).toBe(true);
  });
});

describe('readPyproject (Poetry)', () => {
  it('reads main, groups, optional groups and extras; python is not a package', async () => {
    const root = makeFixtureRepo('deps-poetry-drift');
    const reader = createSnapshotReader(await createWorktreeSnapshot(root));
    const f = (await loadDependencyFile(asRepoPath('services/exporter/pyproject.toml'), reader, env)) as PyprojectFile;
    expect(f.problems).toEqual([]);
    expect(f.projectName).toBe('exporter');
    expect(f.poetryPackageMode).toBe(false);
    expect(names(f.requirements)).toEqual([
      'flask>=3.0,<4.0',
      'gunicorn==22.0.0',
      'google-cloud-bigquery>=3.25,<4.0',
      'pandas>=2.2,<2.3',
      'db-dtypes>=1.2,<2.0',
      'uvloop>=0.19,<0.20',
      'pywin32==306',
    ]);
    expect(f.requirements.find((r) => r.name === 'pywin32')?.markerResult).toBe(false);
    expect(f.requirements.find((r) => r.name === 'uvloop')?.markerResult).toBe(true);
    expect(f.requirements.find((r) => r.name === 'google-cloud-bigquery')?.extras).toEqual(['pandas']);
    expect(f.requirements.find((r) => r.name === 'gunicorn')?.source.line).toBe(11);
    expect(names(f.extras.s3)).toEqual(['boto3>=1.34,<2.0']);
    expect(names(f.groups.dev)).toEqual(['pytest>=8.2,<9.0']);
    expect(names(f.groups.docs)).toEqual(['mkdocs>=1.6,<2.0']);
    expect(f.optionalGroups).toEqual(['docs']);
  });

  it('reads legacy dev-dependencies, python-restricted entries, git and path sources', () => {
    const f = read([
      '[tool.poetry.dependencies]',
      'python = ">=3.9,<3.13"',
      'tomli = { version = "^2.0", python = "<3.11" }',
      'acme-shared = { git = "https://github.com/acme/shared.git", tag = "v1.2" }',
      'common = { path = "../../libs/common", develop = true }',
      'numpy = [',
      '  { version = "^1.26", python = "<3.12" },',
      '  { version = "^2.0", python = ">=3.12" },',
      ']',
      '[tool.poetry.dev-dependencies]',
      'pytest = "*"',
    ].join('\n'));
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((r) => [r.name, r.kind, r.markerResult])).toEqual([
      ['tomli', 'registry', false],
      ['acme-shared', 'vcs', true],
      ['common', 'editable', true],
      ['numpy', 'registry', true],
      ['numpy', 'registry', false],
    ]);
    expect(names(f.groups.dev)).toEqual(['pytest']);
  });

  it('reports a constraint Poetry would not accept', () => {
    const f = read('[tool.poetry.dependencies]\nflask = "three"\n');
    expect(f.problems).toMatchObject([{ rule: 'dependency-file-malformed', line: 2 }]);
  });
});

describe('convertPoetryConstraint', () => {
  it('turns caret, tilde, bare and wildcard constraints into PEP 440', async () => {
    const { convertPoetryConstraint } = await import('../../src/deps/convert-poetry-constraint.js');
    expect(convertPoetryConstraint('^1.2.3')).toBe('>=1.2.3,<2.0');
    expect(convertPoetryConstraint('^0.2.3')).toBe('>=0.2.3,<0.3');
    expect(convertPoetryConstraint('^0.0.3')).toBe('>=0.0.3,<0.0.4');
    expect(convertPoetryConstraint('^0')).toBe('>=0,<1');
    expect(convertPoetryConstraint('~1.2.3')).toBe('>=1.2.3,<1.3');
    expect(convertPoetryConstraint('~1')).toBe('>=1,<2');
    expect(convertPoetryConstraint('1.2.*')).toBe('==1.2.*');
    expect(convertPoetryConstraint('>=1.2 <2.0')).toBe('>=1.2,<2.0');
    expect(convertPoetryConstraint('*')).toBe('');
    expect(convertPoetryConstraint('^1.0 || ^2.0')).toBe('');
    expect(convertPoetryConstraint('latest')).toBeUndefined();
  });
});
