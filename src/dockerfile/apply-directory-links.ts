import path from 'node:path';
import { asImagePath, type ImageFileOrigin, type ImageModel, type ImagePath, type RepoPath, type RepoSnapshot } from '../types.js';

/** Only a folder named like a Python identifier can be imported as a package, so only such links are looked at. */
const IMPORTABLE = /^[A-Za-z_]\w*$/;

/**
 * The files the image shows through symbolic links to folders of the
 * repository (`services/api/shared -> ../../libs/shared`). A COPY that names
 * the link itself (`COPY services/api/common ./common`) follows it, as
 * BuildKit does with a source path, and copies the folder's files. A link
 * inside a copied folder (`COPY . .`) stays a link, resolved in the
 * container from where it lies: it shows what the image holds at its
 * target, and nothing when the image lacks it (a dangling link).
 */
export function applyDirectoryLinks(image: ImageModel, snapshot: RepoSnapshot, contextRoot: RepoPath | undefined): ImageModel {
  if (!snapshot.dirLinkTarget) return image;
  const links: Array<{ imagePath: ImagePath; origin: ImageFileOrigin; target: RepoPath }> = [];
  for (const [imagePath, origin] of image.files) {
    if (origin.inline !== undefined || origin.mounted || !IMPORTABLE.test(path.posix.basename(origin.repoPath))) continue;
    const target = snapshot.dirLinkTarget(origin.repoPath);
    if (target !== undefined) links.push({ imagePath, origin, target });
  }
  if (links.length === 0) return image;
  const files = new Map(image.files);
  const dirs = new Set(image.dirs);
  for (const { imagePath, origin, target } of links) {
    const shown = isNamedByCopy(image, origin, contextRoot) ? filesOfRepoDir(snapshot, target, origin.line) : filesOfImageDir(image, linkedImageDir(imagePath, origin.repoPath, target));
    if (shown.length === 0) continue;
    files.delete(imagePath);
    for (const [rel, shownOrigin] of shown) {
      const at = asImagePath(`${imagePath}/${rel}`);
      files.set(at, shownOrigin);
      for (let dir = path.posix.dirname(at); dir !== '/' && !dirs.has(asImagePath(dir)); dir = path.posix.dirname(dir)) dirs.add(asImagePath(dir));
    }
    dirs.add(imagePath);
  }
  return { ...image, files, dirs };
}

/** Whether a COPY source names the link itself: BuildKit then copies what it leads to. */
function isNamedByCopy(image: ImageModel, origin: ImageFileOrigin, contextRoot: RepoPath | undefined): boolean {
  if (contextRoot === undefined) return false;
  return image.copies.some(
    (copy) => copy.line === origin.line && copy.from === undefined && copy.sources.some((source) => path.posix.join(contextRoot, path.posix.normalize(`/${source}`).slice(1)).replace(/\/$/, '') === origin.repoPath),
  );
}

/** Where the link's text leads inside the image: relative to the folder the link was copied into. */
function linkedImageDir(imagePath: ImagePath, repoPath: RepoPath, target: RepoPath): string {
  return path.posix.resolve(path.posix.dirname(imagePath), path.posix.relative(path.posix.dirname(repoPath), target));
}

function filesOfRepoDir(snapshot: RepoSnapshot, dir: RepoPath, line: number): Array<[string, ImageFileOrigin]> {
  const prefix = `${dir}/`;
  return [...snapshot.files].filter((file) => file.startsWith(prefix)).map((file) => [file.slice(prefix.length), { repoPath: file, line }]);
}

function filesOfImageDir(image: ImageModel, dir: string): Array<[string, ImageFileOrigin]> {
  const prefix = `${dir}/`;
  return [...image.files].filter(([file]) => file.startsWith(prefix)).map(([file, origin]) => [file.slice(prefix.length), origin]);
}
