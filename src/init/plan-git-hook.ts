import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import { COMMIT_HOOKS } from './commit-hooks.js';
import type { InitAction } from './init-plan.js';
import { HOOK_MARKER, shippedHook } from './package-files.js';

export const CHAINED_SUFFIX = '.pre-dockguard';

/**
 * No hook manager: copy the shipped POSIX hooks (pre-commit, and
 * pre-merge-commit, which runs the pre-commit one under its own name) into
 * the hooks folder. A foreign hook is never overwritten: with `force` it is
 * moved to `<name>.pre-dockguard`, which our hook runs after its own check.
 * Every hook is planned before anything is done, so a refusal changes nothing.
 */
export function planGitHook(hooksDir: string, force: boolean, displayRoot: string): InitAction[] {
  const plans = COMMIT_HOOKS.map((hook) => planOneHook(path.join(hooksDir, hook.name), `git runs it ${hook.when}`));
  const foreign = plans.filter((plan) => plan.foreign).map((plan) => plan.target);
  if (foreign.length > 0 && !force) throw refuseForeign(foreign, displayRoot);
  for (const target of foreign) {
    if (existsSync(target + CHAINED_SUFFIX)) {
      throw new DockguardError(
        `both ${path.relative(displayRoot, target)} and ${path.basename(target)}${CHAINED_SUFFIX} exist; refusing to move one over the other`,
        'merge them by hand, then run dockguard init again',
      );
    }
  }
  return plans.flatMap((plan) => plan.actions);
}

interface HookPlan {
  target: string;
  /** A hook that is not dockguard's is there: it may only be moved aside. */
  foreign: boolean;
  actions: InitAction[];
}

function planOneHook(target: string, why: string): HookPlan {
  const content = readFileSync(shippedHook(path.basename(target)), 'utf8');
  const install: InitAction = { kind: 'write-file', path: target, content, mode: 0o755, creates: true, why };
  if (!existsSync(target)) return { target, foreign: false, actions: [install] };

  const current = readFileSync(target, 'utf8');
  if (current.includes(HOOK_MARKER)) {
    if (current !== content) return { target, foreign: false, actions: [{ ...install, creates: false, why: 'update dockguard’s hook to this version' }] };
    const chmod: InitAction = { kind: 'chmod', path: target, mode: 0o755, why: 'git skips hooks that are not executable' };
    return { target, foreign: false, actions: isExecutable(target) ? [] : [chmod] };
  }
  const keep: InitAction = {
    kind: 'rename',
    from: target,
    to: target + CHAINED_SUFFIX,
    why: 'keep the existing hook; dockguard’s hook runs it after its check',
  };
  return { target, foreign: true, actions: [keep, install] };
}

function refuseForeign(targets: string[], displayRoot: string): DockguardError {
  const shown = targets.map((target) => path.relative(displayRoot, target)).join(' and ');
  const kept = targets.map((target) => path.basename(target) + CHAINED_SUFFIX).join(' and ');
  if (targets.length === 1) {
    return new DockguardError(
      `${shown} already exists and is not dockguard's hook; not overwriting it`,
      `rerun with --force to keep it as ${kept} and run it after dockguard's check, or add \`dockguard check --staged\` to it yourself`,
    );
  }
  return new DockguardError(
    `${shown} already exist and are not dockguard's hooks; not overwriting them`,
    `rerun with --force to keep them as ${kept} and run each after dockguard's check, or add \`dockguard check --staged\` to them yourself`,
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
