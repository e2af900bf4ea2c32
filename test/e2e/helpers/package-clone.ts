import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { git } from '../../helpers/fixture-repo.js';
import { PACKAGE_ROOT, run } from './dockguard-cli.js';

/**
 * A git repository holding this checkout's source as it is on disk (committed
 * or not, what git would track), for pre-commit to clone as `repo:` the way it
 * clones dockguard's repository from a URL. Returns its path and commit, the `rev:`.
 */
export function makePackageClone(): { dir: string; rev: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-package-clone-'));
  // -z: file names exactly as stored, one per NUL. node_modules is a symlink in some checkouts, so not caught by `node_modules/`.
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], PACKAGE_ROOT).stdout;
  const files = listed.split('\0').filter((file) => file !== '' && !/^(node_modules|dist)(\/|$)/.test(file));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      copyFileSync(path.join(PACKAGE_ROOT, file), path.join(dir, file));
    } catch (error) {
      // A file deleted in the working tree but still in the index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'dockguard as a user would reference it');
  return { dir, rev: git(dir, 'rev-parse', 'HEAD').trim() };
}
