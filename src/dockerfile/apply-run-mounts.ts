import { asImagePath, type ImageFileOrigin, type ImageModel, type ImagePath, type RepoSnapshot, type RunMount } from '../types.js';

/**
 * The files the running container sees once the repository folders it
 * bind-mounts are in place (compose `volumes: ["./vote:/usr/local/app"]`): a
 * mount hides whatever the image holds under its target and shows the
 * repository's files there instead. The build itself is untouched, so RUNs
 * and their installs keep the image's own files.
 */
export function applyRunMounts(image: ImageModel, mounts: readonly RunMount[] | undefined, snapshot: RepoSnapshot): ImageModel {
  if (!mounts || mounts.length === 0) return image;
  const files = new Map(image.files);
  const dirs = new Set(image.dirs);
  let opaque = image.opaque;
  for (const mount of mounts) {
    const target = mount.target;
    const hidden = new Map<ImagePath, ImageFileOrigin>();
    for (const [file, built] of files) {
      if (!isWithin(file, target)) continue;
      hidden.set(file, built);
      files.delete(file);
    }
    for (const dir of dirs) if (dir !== target && isWithin(dir, target)) dirs.delete(dir);
    opaque = opaque.filter((o) => !isWithin(o.path, target));
    // The same repository file where the build put it (`COPY . /app` and `.:/app`) keeps its COPY origin.
    const origin = (imagePath: ImagePath, repoPath: ImageFileOrigin['repoPath']): ImageFileOrigin => {
      const built = hidden.get(imagePath);
      return built?.repoPath === repoPath && built.inline === undefined ? built : { repoPath, line: 0, mounted: true };
    };
    if (snapshot.files.has(mount.repoPath)) {
      files.set(asImagePath(target), origin(asImagePath(target), mount.repoPath));
      addParents(dirs, target);
      continue;
    }
    addParents(dirs, `${target}/x`);
    const prefix = mount.repoPath === '' ? '' : `${mount.repoPath}/`;
    for (const file of snapshot.files) {
      if (!file.startsWith(prefix)) continue;
      const imagePath = joinPath(target, file.slice(prefix.length));
      files.set(imagePath, origin(imagePath, file));
      addParents(dirs, imagePath);
    }
  }
  return { ...image, files, dirs, opaque };
}

function isWithin(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(`${dir}/`);
}

function joinPath(dir: string, rel: string): ImagePath {
  return asImagePath(dir === '/' ? `/${rel}` : `${dir}/${rel}`);
}

function addParents(dirs: Set<ImagePath>, path: string): void {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const dir = asImagePath(path.slice(0, slash));
    if (dirs.has(dir)) return;
    dirs.add(dir);
  }
  dirs.add(asImagePath('/'));
}
