import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/dockerfile/build-context.js';
import { buildImageModel } from '../../src/dockerfile/build-image-model.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath, type RepoSnapshot } from '../../src/types.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

let root: string;
let snapshot: RepoSnapshot;

beforeAll(async () => {
  root = makeFixtureRepo('dockerfile-ignore-files');
  snapshot = await createWorktreeSnapshot(root);
});
afterAll(removeFixtureRepos);

const spec = (dockerfile: string, context = '', gcloudUpload = false) => ({
  context: asRepoPath(context), dockerfile: asRepoPath(dockerfile), gcloudUpload,
});

describe('loadBuildContext (fixture dockerfile-ignore-files)', () => {
  it('Dockerfile.dockerignore next to the Dockerfile replaces the root .dockerignore', async () => {
    const context = await loadBuildContext(snapshot, spec('services/api/Dockerfile'));
    expect(context.ignoreFiles).toEqual(['services/api/Dockerfile.dockerignore']);
    expect([...context.files].sort()).toEqual([
      'libs/common/__init__.py',
      'libs/common/db.py',
      'services/api/Dockerfile',
      'services/api/Dockerfile.dockerignore',
      'services/api/app/main.py',
      'services/api/requirements.txt',
    ]);
    expect(context.excludedBy.get('services/api/tests/test_main.py')).toBe('services/api/Dockerfile.dockerignore');
    expect(context.excluded.has('README.md')).toBe(true);
    expect([...context.dirs].sort()).toEqual(['', 'libs', 'libs/common', 'services', 'services/api', 'services/api/app']);
  });

  it('without one, <context>/.dockerignore applies (root-anchored patterns)', async () => {
    const context = await loadBuildContext(snapshot, spec('services/worker/Dockerfile'));
    expect(context.ignoreFiles).toEqual(['.dockerignore']);
    const files = [...context.files];
    // `*.md` is anchored at the root: the README in libs/common stays.
    expect(files).toContain('libs/common/README.md');
    expect(files).toContain('README.md');
    for (const hidden of ['CHANGES.md', 'docs/architecture.md', 'services/worker/tests/test_worker.py', 'services/worker/__pycache__/worker.cpython-312.pyc']) {
      expect(context.excludedBy.get(hidden)).toBe('.dockerignore');
    }
  });

  it('a sub-directory context sees only its files, relative to itself', async () => {
    const context = await loadBuildContext(snapshot, spec('services/worker/Dockerfile', 'services/worker'));
    expect(context.ignoreFiles).toEqual([]);
    expect([...context.files].sort()).toEqual(['Dockerfile', '__pycache__/worker.cpython-312.pyc', 'tests/test_worker.py', 'worker.py']);
  });

  it('a gcloud upload is filtered by .gcloudignore (unanchored) before .dockerignore', async () => {
    const context = await loadBuildContext(snapshot, spec('services/worker/Dockerfile', '', true));
    expect(context.ignoreFiles).toEqual(['.gcloudignore', '.dockerignore']);
    expect(context.excludedBy.get('libs/common/README.md')).toBe('.gcloudignore');
    expect(context.excludedBy.get('services/worker/tests/test_worker.py')).toBe('.dockerignore');
  });

  it('feeds the image model: an ignored COPY source is reported with its ignore file', async () => {
    const dockerfile = asRepoPath('services/api/Dockerfile');
    const context = await loadBuildContext(snapshot, spec(dockerfile));
    const text = readFileSync(path.join(root, dockerfile), 'utf8');
    const m = buildImageModel({ dockerfile, text, context, buildArgs: {} });
    expect([...m.files.keys()].sort()).toEqual([
      '/srv/app/main.py', '/srv/libs/common/__init__.py', '/srv/libs/common/db.py', '/srv/requirements.txt',
    ]);
    expect(m.problems).toEqual([{
      rule: 'copy-source-missing', severity: 'error', file: 'services/api/Dockerfile', line: 8,
      message: 'COPY source "services/api/tests" is excluded from the build context by services/api/Dockerfile.dockerignore',
    }]);
    expect(m.runs.map((r) => r.command)).toEqual(['pip install --no-cache-dir -r requirements.txt']);
  });
});
