import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { resolveIndexLinks } from '../../src/git/resolve-index-links.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import type { RepoPath } from '../../src/types.js';

afterAll(removeFixtureRepos);

/** The fixture with its git symlinks to shared library folders (kept out of the fixture folder, as links in this repository would be followed by copies). */
function makeLinkedRepo(): string {
  const repo = makeFixtureRepo('symlinked-folders', { commit: false });
  symlinkSync('../../libs/shared', path.join(repo, 'services/api/shared'));
  symlinkSync('../../libs/common', path.join(repo, 'services/worker/common'));
  symlinkSync('../../libs/common', path.join(repo, 'services/billing/common'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'fixture');
  return repo;
}

describe('symbolic links to folders of the repository (fixture symlinked-folders)', () => {
  it('sees a linked folder where the image has its target, follows a link a COPY names, and reports a dangling one as first-party', async () => {
    const result = await check({ cwd: makeLinkedRepo() });
    expect(result.services.map((s) => [s.dockerfile, s.status])).toEqual([
      ['services/api/Dockerfile', 'checked'],
      ['services/billing/Dockerfile', 'checked'],
      ['services/worker/Dockerfile', 'checked'],
    ]);
    // api: COPY . . copies the link as a link, and /app/libs/shared is in the image. worker: COPY follows the link it names.
    // billing: the link arrives at /srv/common pointing to /libs/common, which the image lacks.
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.module, f.message])).toEqual([
      ['DG001', 'error', 'services/billing/main.py', 'common.text', 'module common.text (libs/common/) is imported but not copied into the image'],
    ]);
  });
});

describe('resolveIndexLinks', () => {
  it('says where a staged link to a folder leads', async () => {
    const texts: Record<string, string> = { 'services/api/shared': '../../libs/shared', 'services/api/gone': '../../libs/gone' };
    const links = await resolveIndexLinks(
      new Set(Object.keys(texts) as RepoPath[]),
      () => false,
      async (link) => texts[link]!,
      (p) => p === 'libs/shared',
    );
    expect(links.get('services/api/shared' as RepoPath)).toEqual({ problem: 'is a symbolic link to libs/shared, which the commit does not contain as a file', dir: 'libs/shared' });
    expect(links.get('services/api/gone' as RepoPath)).toEqual({ problem: 'is a symbolic link to libs/gone, which the commit does not contain as a file' });
  });
});
