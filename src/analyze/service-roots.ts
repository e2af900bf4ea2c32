import { SETTINGS_DEFAULT } from '../python/django-references.js';
import path from 'node:path';
import type { ImageModel, ImagePath, LaunchPlan, RepoPath, ServiceSpec } from '../types.js';
import type { ClosureRoot } from './import-closure.js';
import { byCodeUnit } from '../by-code-unit.js';
import { joinImagePath } from '../python/image-path.js';

/**
 * Where the command that starts the container is written (the first link
 * of every chain): a compose `command:` or config entrypoint when one
 * overrides the image, else the Dockerfile's ENTRYPOINT/CMD line.
 */
export function launchSite(service: ServiceSpec, image: ImageModel): { file: string; line: number } {
  if (service.entrypoint !== undefined && service.contextOrigin !== undefined) {
    const fileAndLine = /^(.+):(\d+)$/.exec(service.contextOrigin);
    if (fileAndLine) return { file: fileAndLine[1]!, line: Number(fileAndLine[2]) };
    return { file: service.contextOrigin.split(' ')[0]!, line: 0 };
  }
  return { file: service.dockerfile, line: image.entrypoint?.line ?? image.cmd?.line ?? 0 };
}

/**
 * Roots of the import walk: the launch plan's entry modules and files, the
 * config's extra roots, and — when no entrypoint could be derived — every
 * Python file the image copies from the service's own folder.
 */
export function collectRoots(service: ServiceSpec, image: ImageModel, launch: LaunchPlan): ClosureRoot[] {
  const { file, line } = launchSite(service, image);
  const roots: ClosureRoot[] = [];
  for (const root of launch.roots) {
    const rootLine = root.why.includes('HEALTHCHECK') ? (image.healthcheck?.line ?? line) : line;
    const assumed = root.assumption !== undefined ? { assumption: root.assumption } : {};
    if (root.kind === 'script') roots.push({ imagePath: root.path, file, line: rootLine, ...assumed });
    else if (root.kind === 'module') {
      roots.push({ module: root.module, file, line: rootLine, ...(root.runsAsMain ? { runsAsMain: true } : {}), ...(root.why === SETTINGS_DEFAULT ? { djangoSettings: true } : {}), ...assumed });
    }
    else for (const module of root.imports) roots.push({ module, file, line: rootLine, ...assumed });
  }
  const byRepoPath = service.roots.length > 0 || launch.fallback ? indexByRepoPath(image) : undefined;
  for (const repoPath of service.roots) {
    const imagePaths = byRepoPath?.get(repoPath) ?? [];
    if (imagePaths.length === 0) {
      roots.push({ imagePath: joinImagePath(image.workdir, path.posix.basename(repoPath)), file: 'config roots', line: 0 });
    }
    for (const imagePath of imagePaths) roots.push({ imagePath, file: 'config roots', line: 0 });
  }
  if (launch.fallback && byRepoPath) {
    const own = path.posix.dirname(service.dockerfile);
    for (const [repoPath, imagePaths] of [...byRepoPath].sort(([a], [b]) => byCodeUnit(a, b))) {
      if (!repoPath.endsWith('.py') || isNeverRun(repoPath)) continue;
      if (own !== '.' && !repoPath.startsWith(`${own}/`)) continue;
      for (const imagePath of imagePaths) roots.push({ imagePath, file, line, assumption: FALLBACK_ASSUMPTION });
    }
  }
  return roots;
}

/** Why a finding reached only from fallback roots is a guess. */
export const FALLBACK_ASSUMPTION =
  'reached only from fallback roots: no entrypoint could be derived, so every Python file of the service was taken as one';

/**
 * Files no service runs as its entrypoint: packaging scripts and test code,
 * which import test-only and build-only packages a runtime image rightly lacks.
 */
function isNeverRun(repoPath: string): boolean {
  const name = path.posix.basename(repoPath);
  if (name === 'setup.py' || name === 'conftest.py' || name === 'noxfile.py') return true;
  if (/^test_.*\.py$/.test(name) || /_test\.py$/.test(name)) return true;
  return repoPath.split('/').slice(0, -1).includes('tests');
}

/** Files the image was built with, by repository path (code a compose volume mounts is there to import, not a root). */
function indexByRepoPath(image: ImageModel): Map<RepoPath, Array<ImagePath>> {
  const index = new Map<RepoPath, Array<ImagePath>>();
  for (const [imagePath, origin] of image.files) {
    if (origin.mounted) continue;
    const list = index.get(origin.repoPath);
    if (list) list.push(imagePath);
    else index.set(origin.repoPath, [imagePath]);
  }
  return index;
}
