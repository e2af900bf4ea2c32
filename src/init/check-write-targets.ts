import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import { describeInitAction } from './apply-init.js';
import { displayPath } from './display-path.js';
import type { InitAction } from './init-plan.js';

/** Where a write to `file` really lands, following symbolic links (of the file and of its folders). */
interface Landing {
  /** The real path written, or undefined when a folder on the way does not exist. */
  real: string | undefined;
  /** The symbolic link met on the way, if any (the file itself, when it is one). */
  link?: { path: string; target: string };
}

const MAX_LINKS = 40; // as the kernel's ELOOP limit

function findLanding(file: string): Landing {
  let current = file;
  let link: Landing['link'];
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let stats: ReturnType<typeof lstatSync>;
    try {
      stats = lstatSync(current);
    } catch {
      break; // not there yet: the write creates it in its folder
    }
    if (!stats.isSymbolicLink()) return { real: realpathSync(current), ...(link ? { link } : {}) };
    const target = path.resolve(path.dirname(current), readlinkSync(current));
    link ??= { path: file, target };
    current = target;
  }
  // A link's target must have its folder: writing through it does not create folders.
  if (link) {
    try {
      return { real: path.join(realpathSync(path.dirname(current)), path.basename(current)), link };
    } catch {
      return { real: undefined, link };
    }
  }
  return { real: resolveMissing(current) };
}

/** A path not there yet: init creates its folders, so it lands under the nearest folder that exists. */
function resolveMissing(file: string): string {
  let existing = path.dirname(file);
  const rest = [path.basename(file)];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return file;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses a plan that would write outside the repository: through a symbolic
 * link that leaves it (a dangling hook link, a tracked symlinked config from a
 * clone), or into a `core.hooksPath` elsewhere (a folder other repositories
 * may share) unless `force`. `inside` are the real repository root and git
 * folder (a linked worktree's hooks live in the main repository's git folder).
 * Every message says what init would have done there.
 */
export function checkWriteTargets(root: string, inside: string[], actions: InitAction[], force: boolean): void {
  // A hook moved aside is renamed (the link itself, not what it points to) before the new one is written.
  const movedAside = new Set(actions.flatMap((action) => (action.kind === 'rename' ? [action.from] : [])));
  for (const action of actions) {
    if (action.kind === 'run' || (action.kind === 'write-file' && movedAside.has(action.path))) continue;
    const file = action.kind === 'rename' ? action.to : action.path;
    const landing = findLanding(file);
    const wouldHave = `init would have done: ${describeInitAction(root, action)}`;
    const shown = displayPath(root, file);
    if (landing.real === undefined) {
      throw new DockguardError(
        `${shown} is a symbolic link to ${landing.link?.target}, whose folder does not exist; ${wouldHave}`,
        `remove the link (rm ${shown}) or create its folder, then run dockguard init again`,
      );
    }
    if (inside.some((dir) => isInside(dir, landing.real!))) continue;
    if (landing.link) {
      throw new DockguardError(
        `${shown} is a symbolic link to ${landing.link.target}, outside the repository; not writing through it (${wouldHave})`,
        `remove the link (rm ${shown}) or point it inside the repository, then run dockguard init again`,
      );
    }
    if (!force) {
      throw new DockguardError(
        `${displayPath(root, path.dirname(file))} is outside the repository (core.hooksPath; other repositories may use it); ${wouldHave}`,
        'rerun with --force to install there anyway, or point core.hooksPath inside the repository (git config core.hooksPath .githooks)',
      );
    }
  }
}

/** A `core.hooksPath` that names a file cannot hold hooks: say so instead of failing on the first write. */
export function checkHooksDirIsFolder(hooksDir: string, hooksPath: string): void {
  let isFile = false;
  try {
    isFile = !statSync(hooksDir).isDirectory();
  } catch {
    return; // missing: init creates it
  }
  if (isFile) {
    throw new DockguardError(
      `core.hooksPath is ${hooksPath}, which is a file, not a folder: git cannot run hooks from it`,
      'point core.hooksPath at a folder (or unset it: git config --unset core.hooksPath), then run dockguard init again',
    );
  }
}
