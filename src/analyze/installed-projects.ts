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
 * project root or under `src/`), placed in site-packages, and the modules
 * the projects' builds write (`written`, see readBuildWrittenModules), both
 * there and beside the copied sources they were written into (pip builds in
 * the source tree).
 */
export function withInstalledProjects(image: ImageModel, projects: readonly RepoPath[], snapshot: RepoSnapshot, written: readonly RepoPath[] = []): ImageModel {
  if (projects.length === 0) return image;
  const files = new Map<ImagePath, ImageFileOrigin>(image.files);
  const dirs = new Set<ImagePath>(image.dirs);
  const line = image.entrypoint?.line ?? image.cmd?.line ?? 0;
  for (const project of projects) {
    const prefix = project === '' ? '' : `${project}/`;
    const packages = new Set(findProjectModules(project, snapshot.files));
    for (const file of snapshot.files) {
      const isExtension = file.endsWith('.pyx');
      if (!file.startsWith(prefix) || !(file.endsWith('.py') || isExtension)) continue;
      let parts = file.slice(prefix.length).split('/');
      if (parts[0] === 'src' && parts.length > 1) parts = parts.slice(1);
      const top = parts.length === 1 ? parts[0]!.replace(/\.pyx?$/, '') : parts[0]!;
      if (!packages.has(top)) continue;
      // The build compiles a package's Cython source into the extension module of that name (`_speedups.pyx` →
      // `_speedups.cpython-312-x86_64-linux-gnu.so`), which the walk sees as a module that imports nothing.
      if (isExtension) parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\.pyx$/, '.py');
      const imagePath = asImagePath(`${INSTALLED_SITE}/${parts.join('/')}`);
      if (files.has(imagePath)) continue;
      files.set(imagePath, isExtension ? { repoPath: file, line, inline: BUILT_EXTENSION_MODULE } : { repoPath: file, line });
      for (let i = 1; i < parts.length; i++) dirs.add(asImagePath(`${INSTALLED_SITE}/${parts.slice(0, i).join('/')}`));
    }
  }
  for (const file of written) addBuildWritten(file, projects, image, files, dirs, line);
  for (let dir = INSTALLED_SITE as string; dir !== '/'; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') dirs.add(asImagePath(dir));
  return { ...image, files, dirs };
}

/**
 * A module a build writes (setuptools-scm's `_version.py`), as generated
 * source: its content is the backend's, unseen, so only that it binds the
 * usual version names is written here. It comes from the project's
 * pyproject.toml, which the chain then names.
 */
function addBuildWritten(file: RepoPath, projects: readonly RepoPath[], image: ImageModel, files: Map<ImagePath, ImageFileOrigin>, dirs: Set<ImagePath>, line: number): void {
  const project = projects.filter((p) => p === '' || file.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  if (project === undefined) return;
  const origin: ImageFileOrigin = { repoPath: (project === '' ? 'pyproject.toml' : `${project}/pyproject.toml`) as RepoPath, line, inline: GENERATED_VERSION_MODULE };
  let parts = (project === '' ? file : file.slice(project.length + 1)).split('/');
  if (parts[0] === 'src' && parts.length > 1) parts = parts.slice(1);
  const places = [asImagePath(`${INSTALLED_SITE}/${parts.join('/')}`)];
  // In the tree the build ran in: next to the copied files of the same folder.
  const folder = file.slice(0, file.lastIndexOf('/') + 1);
  const name = file.slice(folder.length);
  for (const [imagePath, copied] of image.files) {
    if (copied.inline === undefined && copied.repoPath.startsWith(folder) && !copied.repoPath.slice(folder.length).includes('/')) places.push(asImagePath(`${imagePath.slice(0, imagePath.lastIndexOf('/') + 1)}${name}`));
  }
  for (const place of places) {
    if (files.has(place)) continue;
    files.set(place, origin);
    for (let dir = place.slice(0, place.lastIndexOf('/')); dir.length > 0 && !dirs.has(asImagePath(dir)); dir = dir.slice(0, dir.lastIndexOf('/'))) dirs.add(asImagePath(dir));
  }
}

const BUILT_EXTENSION_MODULE = '# an extension module the build compiles from Cython source\n';

const GENERATED_VERSION_MODULE = '# written by the build backend when the project is installed\n__version__ = version = "0"\n__version_tuple__ = version_tuple = (0,)\n';
