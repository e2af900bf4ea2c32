import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageManagerInfo } from './detect-package-manager.js';
import type { InitAction } from './init-plan.js';

/**
 * `.husky/pre-merge-commit`: git runs it instead of pre-commit before the
 * commit of a merge that needs no conflict resolution. It runs dockguard
 * directly, not through lint-staged: a merge stages every file it brings in
 * and has no partially staged files, so lint-staged's file filter and its
 * stash of unstaged changes have nothing to do there; `--staged` already
 * checks exactly the services the merge affects. A user's own commands in
 * the file are kept, and dockguard's line is added after them once.
 */
export function planHuskyMergeHook(root: string, pm: PackageManagerInfo): InitAction[] {
  const hookFile = path.join(root, '.husky', 'pre-merge-commit');
  const line = `${[...pm.exec('dockguard'), 'check', '--staged'].join(' ')}\n`;
  const current = existsSync(hookFile) ? readFileSync(hookFile, 'utf8') : undefined;
  if (current === undefined) {
    return [{ kind: 'write-file', path: hookFile, content: line, mode: 0o755, creates: true, why: 'husky runs it before the commit of a merge that needs no conflict resolution' }];
  }
  if (/\bdockguard\b/.test(current)) return [];
  const content = `${current}${current.endsWith('\n') || current === '' ? '' : '\n'}${line}`;
  return [{ kind: 'write-file', path: hookFile, content, mode: 0o755, creates: false, why: 'add dockguard after the existing commands' }];
}
