import type { ImageModel, ImagePath, LaunchPlan, RepoPath, SysPathEntry } from '../types.js';
import { joinImagePath } from '../python/image-path.js';
import type { PathChanges } from './path-change-effects.js';
import { INSTALLED_SITE } from './installed-projects.js';

export interface SysPathInputs {
  /** The sys.path the walk ended with, in order. */
  sysPath: readonly ImagePath[];
  image: ImageModel;
  launch: LaunchPlan;
  /** Projects whose installed packages the walk reads from site-packages. */
  projects: readonly RepoPath[];
  /** What the walk's modules did to sys.path. */
  changes: PathChanges;
  /** Folders `.pth` files in site-packages name. */
  pthEntries?: ReadonlyArray<{ entry: ImagePath; file: RepoPath; line: number }>;
  /** The deployment (compose `environment:`) sets PYTHONPATH, over any ENV line. */
  composePythonPath?: boolean;
}

/**
 * Why each entry of the walk's sys.path is there, in the words of what put
 * it there: the launch (the script's folder, the working directory, a
 * server's option), a PYTHONPATH ENV line, site-packages for an installed
 * project, or a module's `sys.path.insert`/`append`. Provenance only: the
 * entries and their order are the walk's own.
 */
export function describeSysPath({ sysPath, image, launch, projects, changes, pthEntries, composePythonPath }: SysPathInputs): SysPathEntry[] {
  const launchWhy = new Map<string, string>();
  for (const [entry, why] of Object.entries(launch.sysPathWhy ?? {})) if (!launchWhy.has(joinImagePath(entry))) launchWhy.set(joinImagePath(entry), why);
  return sysPath.map((path): SysPathEntry => {
    const why = launchWhy.get(path);
    if (why === 'PYTHONPATH' && composePythonPath) return { path, why: 'PYTHONPATH (compose environment)' };
    if (why === 'PYTHONPATH') {
      const line = image.envLines?.PYTHONPATH;
      return { path, why: 'PYTHONPATH', ...(line !== undefined ? { file: image.dockerfile, line } : {}) };
    }
    if (why !== undefined) return { path, why };
    const change = changes.sources.find((c) => c.entry === path);
    if (change) return { path, why: `sys.path.${change.op}`, file: change.file, line: change.line };
    const pth = pthEntries?.find((p) => p.entry === path);
    if (pth) return { path, why: 'a .pth file in site-packages', file: pth.file, line: pth.line };
    if (path === INSTALLED_SITE && projects.length > 0) return { path, why: `site-packages, where the image installs ${projects.map((p) => p || '.').join(', ')}` };
    if (launch.fallback && path === image.workdir) return { path, why: 'the working directory (WORKDIR): no entrypoint was derived, so the code is taken to run from there' };
    return { path, why: 'unknown' };
  });
}
