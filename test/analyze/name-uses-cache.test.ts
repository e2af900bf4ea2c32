import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NameUses, type NameSource } from '../../src/analyze/name-uses.js';
import { openCache } from '../../src/cache/open-cache.js';
import { asRepoPath, type RepoPath } from '../../src/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const TEXTS: Record<string, string> = {
  'app/views.py': 'from app.loaders import _load_rates\n\nrates = _load_rates()\n',
  'app/report.py': '# see _load_fx_table in app/loaders.py\nTOTAL = 1\n',
  'app/loaders.py': 'def _load_rates():\n    import pandas\n\ndef _load_fx_table():\n    import pyarrow\n\n_load_ratesX = 2\n',
};
const files = Object.keys(TEXTS).map(asRepoPath);
const NAMES = new Set(['_load_rates', '_load_fx_table']);

/** The files as a snapshot of the index gives them: texts with git blob ids, read through the cache. */
async function sourceOver(dir: string, ids: Record<string, string>, computed: Record<string, string> = {}) {
  const reads: string[] = [];
  const cache = await openCache('/', { toolVersion: 'test', dir });
  const source: NameSource = {
    async getTextAndId(file: RepoPath) {
      reads.push(file);
      const text = TEXTS[file];
      return text === undefined ? undefined : { text, id: ids[file] ?? computed[file] };
    },
    contentId: (file) => ids[file],
    cache,
  };
  return { source, reads, cache };
}

const usesOf = (uses: NameUses) => ({
  rates: uses.isUsedOutside('_load_rates', asRepoPath('app/loaders.py'), new Set(files)),
  fx: uses.isUsedOutside('_load_fx_table', asRepoPath('app/loaders.py'), new Set(files)),
  ratesOnlyInViews: uses.isUsedOutside('_load_rates', asRepoPath('app/loaders.py'), new Set([asRepoPath('app/loaders.py')])),
});

describe('NameUses: which files name an unreached definition, cached by content id', () => {
  it('gives the same answers from the cache, without reading a file whose content id it has seen', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-name-uses-'));
    dirs.push(dir);
    const ids = { 'app/views.py': 'a1'.repeat(20), 'app/report.py': 'b2'.repeat(20), 'app/loaders.py': 'c3'.repeat(20) };
    const first = await sourceOver(dir, ids);
    const scanned = new NameUses(first.source);
    await scanned.scan(files, NAMES);
    // A comment names _load_fx_table: a use, conservatively; `_load_ratesX` is another word.
    expect(usesOf(scanned)).toEqual({ rates: true, fx: true, ratesOnlyInViews: false });
    expect(first.reads.sort()).toEqual([...files].sort());
    await first.cache.flush();

    const second = await sourceOver(dir, ids);
    const cached = new NameUses(second.source);
    await cached.scan(files, NAMES);
    expect(usesOf(cached)).toEqual(usesOf(scanned));
    expect(second.reads, 'every answer came from the cache').toEqual([]);

    // Another version of one file (another blob id) is read again; so is a file without a content id.
    const third = await sourceOver(dir, { ...ids, 'app/report.py': 'd4'.repeat(20), 'app/views.py': undefined as unknown as string });
    await new NameUses(third.source).scan(files, NAMES);
    expect(third.reads.sort()).toEqual(['app/report.py', 'app/views.py']);
  });

  it('answers a later run that asks for some of the names searched before, in another batch, and reads again for a name never searched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-name-uses-'));
    dirs.push(dir);
    const ids = { 'app/views.py': '18'.repeat(20), 'app/report.py': '29'.repeat(20), 'app/loaders.py': '3a'.repeat(20) };
    // A check of every service asks for the names of all of them, batch after batch.
    const full = await sourceOver(dir, ids);
    const all = new NameUses(full.source);
    await all.scan(files, new Set(['_load_rates']));
    await all.scan(files, new Set(['_load_fx_table', '_load_unused']));
    await full.cache.flush();
    // A hook run checks one service, which asks for two of those names at once.
    const hook = await sourceOver(dir, ids);
    const one = new NameUses(hook.source);
    await one.scan(files, NAMES);
    expect(hook.reads).toEqual([]);
    expect(usesOf(one)).toEqual({ rates: true, fx: true, ratesOnlyInViews: false });
    await one.scan(files, new Set(['_load_never_asked']));
    expect(hook.reads.sort(), 'a name no run searched for needs the texts').toEqual([...files].sort());
  });

  it('keeps what a working-tree check read under the id computed from the bytes, for a staged check to find', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-name-uses-'));
    dirs.push(dir);
    const blobIds = { 'app/views.py': 'e5'.repeat(20), 'app/report.py': 'f6'.repeat(20), 'app/loaders.py': '07'.repeat(20) };
    // The working tree knows no ids before reading; reading computes them.
    const worktree = await sourceOver(dir, {}, blobIds);
    await new NameUses(worktree.source).scan(files, NAMES);
    await worktree.cache.flush();
    const staged = await sourceOver(dir, blobIds);
    const uses = new NameUses(staged.source);
    await uses.scan(files, NAMES);
    expect(staged.reads).toEqual([]);
    expect(usesOf(uses)).toEqual({ rates: true, fx: true, ratesOnlyInViews: false });
  });
});
