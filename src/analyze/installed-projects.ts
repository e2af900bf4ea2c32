import { findProjectModules } from '../deps/installed/project-modules.js';
import { asImagePath, type ImageFileOrigin, type ImageModel, type ImagePath, type RepoPath, type RepoSnapshot } from '../types.js';

/**
 * Where the packages of an installed project are imported from. Its files
 * are not in the image model (pip wrote them in a RUN), so the walk sees them
 * as they are in the repository, below this folder, which goes on sys.path
 * after the launch's own entries as site-packages does.
 */
export const INSTALLED_SITE = asImagePath('/usr/local/lib/python3/site-packages');

/**
 * The image as the import walk sees it when the container runs a project's
 * console script: plus the Python files of the project's packages (at the
 * project root or under `src/`), placed in site-packages.
 */
export function withInstalledProjects(image: ImageModel, projects: readonly RepoPath[], snapshot: RepoSnapshot): ImageModel {
  if (projects.length === 0) return image;
  const files = new Map<ImagePath, ImageFileOrigin>(image.files);
  const dirs = new Set<ImagePath>(image.dirs);
  const line = image.entrypoint?.line ?? image.cmd?.line ?? 0;
  for (const project of projects) {
    const prefix = project === '' ? '' : `${project}/`;
    const packages = new Set(findProjectModules(project, snapshot.files));
    for (const file of snapshot.files) {
      if (!file.startsWith(prefix) || !file.endsWith('.py')) continue;
      let parts = file.slice(prefix.length).split('/');
      if (parts[0] === 'src' && parts.length > 1) parts = parts.slice(1);
      const top = parts.length === 1 ? parts[0]!.slice(0, -3) : parts[0]!;
      if (!packages.has(top)) continue;
      const imagePath = asImagePath(`${INSTALLED_SITE}/${parts.join('/')}`);
      if (files.has(imagePath)) continue;
      files.set(imagePath, { repoPath: file, line });
      for (let i = 1; i < parts.length; i++) dirs.add(asImagePath(`${INSTALLED_SITE}/${parts.slice(0, i).join('/')}`));
    }
  }
  for (let dir = INSTALLED_SITE as string; dir !== '/'; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') dirs.add(asImagePath(dir));
  return { ...image, files, dirs };
}
