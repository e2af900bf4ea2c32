import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import type { InitAction } from './init-plan.js';
import { HOOK_MARKER, SHIPPED_HOOK } from './package-files.js';

export const CHAINED_SUFFIX = '.pre-dockguard';

/**
 * No hook manager: copy the shipped POSIX hook into the hooks folder. A
 * foreign hook is never overwritten: with `force` it is moved to
 * `pre-commit.pre-dockguard`, which our hook runs after its own check.
 */
export function planGitHook(hooksDir: string, force: boolean, displayRoot: string): InitAction[] {
  const target = path.join(hooksDir, 'pre-commit');
  const chained = target + CHAINED_SUFFIX;
  const content = readFileSync(SHIPPED_HOOK, 'utf8');
  const install: InitAction = { kind: 'write-file', path: target, content, mode: 0o755, creates: true, why: 'git runs it before every commit' };
  if (!existsSync(target)) return [install];

  const current = readFileSync(target, 'utf8');
  if (current.includes(HOOK_MARKER)) {
    if (current !== content) return [{ ...install, creates: false, why: 'update dockguard’s hook to this version' }];
    return isExecutable(target) ? [] : [{ kind: 'chmod', path: target, mode: 0o755, why: 'git skips hooks that are not executable' }];
  }
  const shown = path.relative(displayRoot, target);
  if (!force) {
    throw new DockguardError(
      `${shown} already exists and is not dockguard's hook; not overwriting it`,
      `rerun with --force to keep it as ${path.basename(chained)} and run it after dockguard's check, or add \`dockguard check --staged\` to it yourself`,
    );
  }
  if (existsSync(chained)) {
    throw new DockguardError(`both ${shown} and ${path.basename(chained)} exist; refusing to move one over the other`, 'merge them by hand, then run dockguard init again');
  }
  return [
    { kind: 'rename', from: target, to: chained, why: 'keep the existing hook; dockguard’s hook runs it after its check' },
    install,
  ];
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
