import { afterAll, describe, expect, it } from 'vitest';
import { createSnapshotReader } from '../../src/deps/create-snapshot-reader.js';
import { findCompanionLock } from '../../src/deps/find-companion-lock.js';
import { findLockDrift } from '../../src/deps/find-lock-drift.js';
import { loadDependencyFile } from '../../src/deps/load-dependency-file.js';
import { parseRequirementsText } from '../../src/deps/parse-requirements-text.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath, type RepoPath } from '../../src/types.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const env = { pythonVersion: '3.11' };
const reqs = (text: string) => parseRequirementsText(asRepoPath('requirements.in'), text, env).requirements;

afterAll(removeFixtureRepos);

describe('findLockDrift', () => {
  it('catches a declared package missing from the lock', () => {
    const drift = findLockDrift(reqs('flask>=3\ndb-dtypes\n'), reqs('flask==3.0.3\n'));
    expect(drift.map((d) => [d.requirement.name, d.problem])).toEqual([['db-dtypes', 'missing-from-lock']]);
  });

  it('catches a lock pin outside the declared specifier', () => {
    const drift = findLockDrift(reqs('pandas~=2.2\nflask>=3,<4\n'), reqs('pandas==2.1.4\nflask==3.0.3\n'));
    expect(drift).toMatchObject([{ requirement: { name: 'pandas' }, problem: 'version-outside-specifier', lockedVersion: '2.1.4' }]);
  });

  it('does not catch matching pins, other spellings, false markers or unnamed paths', () => {
    const declared = reqs('Google_Cloud.BigQuery>=3.20\npywin32 ; sys_platform == "win32"\n-e ./libs/common\ngunicorn\n');
    const locked = reqs('google-cloud-bigquery==3.25.0\ngunicorn==22.0.0\n');
    expect(findLockDrift(declared, locked)).toEqual([]);
  });

  it('accepts a forked lock when any locked version satisfies', () => {
    const drift = findLockDrift(reqs('numpy>=2\n'), reqs('numpy==1.26.4 ; python_version < "3.12"\nnumpy==2.0.1 ; python_version >= "3.12"\n'));
    expect(drift).toEqual([]);
  });

  it('finds the drift between the poetry fixture pyproject and its poetry.lock', async () => {
    const root = makeFixtureRepo('deps-poetry-drift');
    const reader = createSnapshotReader(await createWorktreeSnapshot(root));
    const declared = await loadDependencyFile(asRepoPath('services/exporter/pyproject.toml'), reader, env);
    const locked = await loadDependencyFile(asRepoPath('services/exporter/poetry.lock'), reader, env);
    const drift = findLockDrift(declared.requirements, locked.requirements);
    expect(drift.map((d) => [d.requirement.name, d.problem, d.lockedVersion, d.requirement.source.line])).toEqual([
      ['pandas', 'version-outside-specifier', '2.1.4', 13],
      ['db-dtypes', 'missing-from-lock', undefined, 14],
    ]);
  });

  it('finds no drift in the uv workspace fixture, extras and groups included', async () => {
    const root = makeFixtureRepo('deps-uv-workspace');
    const reader = createSnapshotReader(await createWorktreeSnapshot(root));
    const declared = await loadDependencyFile(asRepoPath('pyproject.toml'), reader, env);
    const locked = await loadDependencyFile(asRepoPath('uv.lock'), reader, env);
    const all = [declared.requirements, ...Object.values((declared as unknown as { extras: object }).extras)].flat();
    expect(findLockDrift(all, locked.requirements)).toEqual([]);
  });
});

describe('findCompanionLock', () => {
  const files = (...names: string[]) => new Set(names.map(asRepoPath)) as ReadonlySet<RepoPath>;

  it('pairs each declaration file with its lock in the same folder', () => {
    expect(findCompanionLock(asRepoPath('svc/requirements.in'), files('svc/requirements.in', 'svc/requirements.txt'))).toBe('svc/requirements.txt');
    expect(findCompanionLock(asRepoPath('svc/requirements.txt'), files('svc/requirements.txt', 'svc/requirements.lock'))).toBe('svc/requirements.lock');
    expect(findCompanionLock(asRepoPath('requirements.txt'), files('requirements.txt', 'requirements-frozen.txt'))).toBe('requirements-frozen.txt');
    expect(findCompanionLock(asRepoPath('svc/pyproject.toml'), files('svc/pyproject.toml', 'svc/uv.lock'))).toBe('svc/uv.lock');
    expect(findCompanionLock(asRepoPath('svc/pyproject.toml'), files('svc/pyproject.toml', 'svc/poetry.lock'))).toBe('svc/poetry.lock');
    expect(findCompanionLock(asRepoPath('svc/pyproject.toml'), files('svc/pyproject.toml', 'svc/Pipfile', 'svc/Pipfile.lock'))).toBe('svc/Pipfile.lock');
    expect(findCompanionLock(asRepoPath('svc/Pipfile'), files('svc/Pipfile', 'svc/Pipfile.lock'))).toBe('svc/Pipfile.lock');
  });

  it('does not pair across folders or with unrelated files', () => {
    expect(findCompanionLock(asRepoPath('svc/requirements.in'), files('svc/requirements.in', 'requirements.txt'))).toBeUndefined();
    expect(findCompanionLock(asRepoPath('svc/pyproject.toml'), files('svc/pyproject.toml', 'uv.lock'))).toBeUndefined();
    expect(findCompanionLock(asRepoPath('svc/pyproject.toml'), files('svc/pyproject.toml', 'svc/Pipfile.lock'))).toBeUndefined();
    expect(findCompanionLock(asRepoPath('svc/requirements-dev.txt'), files('svc/requirements-dev.txt', 'svc/requirements.lock'))).toBeUndefined();
  });
});

describe('satisfiesSpecifier (fast path must agree with @renovatebot/pep440)', () => {
  it('agrees on plain releases and falls back for the rest', async () => {
    const { satisfiesSpecifier } = await import('../../src/deps/compare-versions.js');
    const { satisfies } = await import('@renovatebot/pep440');
    const versions = ['1', '1.0', '1.0.0', '1.2', '2.2.0', '2.2.2', '2.3.0', '3.0.3', '10.0', '2.1.4', '2.2.0rc1', '1.0.post1'];
    const specs = ['==1.0', '!=1.0', '<2', '<=2.2', '>2.2', '>=2.2.2', '~=2.2', '~=2.2.1', '>=3.0,<4', '==2.2.*', '>=1,!=2.2.2', ''];
    for (const v of versions) for (const s of specs) {
      expect([v, s, satisfiesSpecifier(v, s)]).toEqual([v, s, s === '' ? true : satisfies(v, s, { prereleases: true })]);
    }
  });
});
