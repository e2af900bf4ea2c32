import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIndexEntries } from '../../src/git/parse-index-entries.js';
import { parseIndexFile, readIndexFile, type ObjectFormat } from '../../src/git/read-index-file.js';
import { readVerifiedWorktreeFile } from '../../src/git/read-verified-worktree-file.js';
import { detectStagedRepo } from '../../src/git/repo-state.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const emptyRepos: string[] = [];
afterAll(() => {
  removeFixtureRepos();
  for (const dir of emptyRepos) rmSync(dir, { recursive: true, force: true });
});

/** What git itself lists: the reader must agree with it entry for entry. */
const listedByGit = (root: string) => parseIndexEntries(Buffer.from(git(root, 'ls-files', '-z', '--stage', '--full-name'), 'utf8'));
const indexOf = (root: string) => path.join(root, '.git', 'index');

function emptyRepo(format: ObjectFormat = 'sha1'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dockguard-index-'));
  emptyRepos.push(root);
  git(root, 'init', '-q', '-b', 'main', `--object-format=${format}`);
  return root;
}

describe('readIndexFile', () => {
  it('reads a real monorepo index exactly as git ls-files --stage lists it', () => {
    const root = makeFixtureRepo('staged-monorepo');
    const entries = readIndexFile(indexOf(root), 'sha1');
    expect(entries).toEqual(listedByGit(root));
    expect(entries!.length).toBeGreaterThan(10);
  });

  it('reads index versions 2, 3 (intent-to-add sets extended flags) and 4 (compressed paths)', () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, 'services/orders/app/later.py'), 'import json\n');
    git(root, 'add', '-N', 'services/orders/app/later.py');
    expect(readFileSync(indexOf(root)).readUInt32BE(4)).toBe(3);
    expect(readIndexFile(indexOf(root), 'sha1')).toEqual(listedByGit(root));
    git(root, 'update-index', '--index-version', '4');
    expect(readFileSync(indexOf(root)).readUInt32BE(4)).toBe(4);
    expect(readIndexFile(indexOf(root), 'sha1')).toEqual(listedByGit(root));
    git(root, 'update-index', '--index-version', '2');
    git(root, 'rm', '-q', '--cached', 'services/orders/app/later.py');
    expect(readIndexFile(indexOf(root), 'sha1')).toEqual(listedByGit(root));
  });

  it('reads symbolic links, gitlinks, non-ASCII names and a path longer than the 12-bit name length, in v2 and v4', () => {
    const root = emptyRepo();
    mkdirSync(path.join(root, 'svc/ünïcode dir'), { recursive: true });
    writeFileSync(path.join(root, 'svc/ünïcode dir/app.py'), 'x = 1\n');
    symlinkSync('ünïcode dir/app.py', path.join(root, 'svc/link.py'));
    git(root, 'add', '-A');
    const blob = git(root, 'hash-object', '-w', 'svc/link.py').trim();
    const longPath = `${'deep/'.repeat(900)}module.py`;
    git(root, 'update-index', '--add', '--cacheinfo', `100644,${blob},${longPath}`);
    git(root, 'update-index', '--add', '--cacheinfo', `160000,${blob},vendor/sub`);
    for (const version of ['2', '4']) {
      git(root, 'update-index', '--index-version', version);
      const entries = readIndexFile(indexOf(root), 'sha1');
      expect(entries).toEqual(listedByGit(root));
      expect(entries!.map((e) => e.mode).sort()).toEqual(['100644', '100644', '120000', '160000']);
      expect(entries!.some((e) => e.path === longPath)).toBe(true);
    }
  });

  it('reads conflict stages while a merge is unresolved', () => {
    const root = makeFixtureRepo('staged-monorepo');
    const file = 'services/orders/app/main.py';
    git(root, 'checkout', '-q', '-b', 'other');
    writeFileSync(path.join(root, file), 'import other\n');
    git(root, 'commit', '-qam', 'other');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, file), 'import mine\n');
    git(root, 'commit', '-qam', 'mine');
    expect(() => git(root, 'merge', '-q', 'other')).toThrow();
    const entries = readIndexFile(indexOf(root), 'sha1')!;
    expect(entries).toEqual(listedByGit(root));
    expect(entries.filter((e) => e.path === file).map((e) => e.stage)).toEqual([1, 2, 3]);
  });

  it('reads a sha256 repository with 32-byte ids', () => {
    const root = emptyRepo('sha256');
    writeFileSync(path.join(root, 'app.py'), 'import os\n');
    git(root, 'add', 'app.py');
    const entries = readIndexFile(indexOf(root), 'sha256');
    expect(entries).toEqual(listedByGit(root));
    expect(entries![0]!.oid).toHaveLength(64);
    // Read with the wrong id size, the layout does not add up: no entries rather than wrong ones.
    expect(readIndexFile(indexOf(root), 'sha1')).toBeUndefined();
  });

  it('skips the optional extensions git may write (end-of-entries marker, untracked cache)', () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'config', 'index.recordEndOfIndexEntries', 'true');
    git(root, 'config', 'core.untrackedCache', 'true');
    git(root, 'update-index', '--untracked-cache', '--force-write-index');
    git(root, 'status', '--porcelain');
    const raw = readFileSync(indexOf(root));
    for (const signature of ['EOIE', 'UNTR']) expect(raw.includes(Buffer.from(signature))).toBe(true);
    expect(readIndexFile(indexOf(root), 'sha1')).toEqual(listedByGit(root));
  });

  it('leaves a split index to git: most of its entries live in a shared file', () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'update-index', '--split-index');
    expect(readIndexFile(indexOf(root), 'sha1')).toBeUndefined();
  });

  it('leaves a sparse index to git: a folder entry stands for the files under it', () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'sparse-checkout', 'init', '--cone', '--sparse-index');
    git(root, 'sparse-checkout', 'set', 'services/orders');
    expect(readIndexFile(indexOf(root), 'sha1')).toBeUndefined();
  });

  it('returns nothing for a damaged, truncated, foreign or missing file', () => {
    const root = makeFixtureRepo('staged-monorepo');
    const raw = readFileSync(indexOf(root));
    expect(parseIndexFile(raw.subarray(0, raw.length - 100), 'sha1')).toBeUndefined();
    expect(parseIndexFile(raw.subarray(0, 40), 'sha1')).toBeUndefined();
    expect(parseIndexFile(Buffer.from('not an index at all, but long enough to have a header'), 'sha1')).toBeUndefined();
    const otherVersion = Buffer.from(raw);
    otherVersion.writeUInt32BE(5, 4);
    expect(parseIndexFile(otherVersion, 'sha1')).toBeUndefined();
    expect(readIndexFile(path.join(root, 'no-such-index'), 'sha1')).toBeUndefined();
    // An extension git must understand (lower-case signature) changes what the entries mean; a capitalised one is a cache.
    const withExtension = (signature: string) => Buffer.concat([raw.subarray(0, raw.length - 20), Buffer.from(signature, 'latin1'), Buffer.alloc(4), raw.subarray(raw.length - 20)]);
    expect(parseIndexFile(withExtension('ABCD'), 'sha1')).toEqual(parseIndexFile(raw, 'sha1'));
    expect(parseIndexFile(withExtension('abcd'), 'sha1')).toBeUndefined();
  });
});

describe('detectStagedRepo: where the index is', () => {
  it('names the index file and object format, and honours an absolute GIT_INDEX_FILE', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    expect((await detectStagedRepo(path.join(root, 'services'))).index).toEqual({ file: path.join(root, '.git', 'index'), objectFormat: 'sha1' });
    const other = path.join(root, '.git', 'other-index');
    process.env.GIT_INDEX_FILE = other;
    try {
      expect((await detectStagedRepo(root)).index).toEqual({ file: other, objectFormat: 'sha1' });
      // A relative one is git's to interpret: no hint, so git ls-files reads it.
      process.env.GIT_INDEX_FILE = '.git/other-index';
      expect((await detectStagedRepo(root)).index).toBeUndefined();
    } finally {
      delete process.env.GIT_INDEX_FILE;
    }
  });
});

describe('readVerifiedWorktreeFile', () => {
  const idOf = (root: string, file: string) => listedByGit(root).find((e) => e.path === file)!.oid;

  it('returns the working tree file only when it hashes to the staged blob', () => {
    const root = makeFixtureRepo('staged-monorepo');
    const file = 'services/orders/app/main.py';
    const staged = readFileSync(path.join(root, file));
    expect(readVerifiedWorktreeFile(root, file, idOf(root, file), false)).toEqual(staged);
    // Partially staged: the working tree holds a later edit, so git must be asked.
    writeFileSync(path.join(root, file), 'import later_edit\n');
    expect(readVerifiedWorktreeFile(root, file, idOf(root, file), false)).toBeUndefined();
  });

  it('reads a symbolic link as its target text, and never a file where the index has a link', () => {
    const root = emptyRepo();
    writeFileSync(path.join(root, 'real.py'), 'x = 1\n');
    symlinkSync('real.py', path.join(root, 'link.py'));
    git(root, 'add', '-A');
    expect(readVerifiedWorktreeFile(root, 'link.py', idOf(root, 'link.py'), true)?.toString()).toBe('real.py');
    expect(readVerifiedWorktreeFile(root, 'link.py', idOf(root, 'link.py'), false)).toBeUndefined();
  });

  it('falls back when a clean filter makes the staged bytes differ from the working tree (CRLF converted on add)', () => {
    const root = emptyRepo();
    writeFileSync(path.join(root, '.gitattributes'), '*.py text eol=crlf\n');
    writeFileSync(path.join(root, 'app.py'), 'import os\r\nimport sys\r\n');
    git(root, 'add', '-A');
    expect(readVerifiedWorktreeFile(root, 'app.py', idOf(root, 'app.py'), false)).toBeUndefined();
    expect(git(root, 'cat-file', 'blob', idOf(root, 'app.py'))).toBe('import os\nimport sys\n');
  });

  it('hashes sha256 ids too', () => {
    const root = emptyRepo('sha256');
    writeFileSync(path.join(root, 'app.py'), 'import os\n');
    git(root, 'add', 'app.py');
    expect(readVerifiedWorktreeFile(root, 'app.py', idOf(root, 'app.py'), false)?.toString()).toBe('import os\n');
  });
});
