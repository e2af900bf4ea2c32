import type { ImageModel, RepoPath } from '../types.js';

const byImage = new WeakMap<ImageModel, ReadonlySet<RepoPath>>();

/**
 * The repository files the image's stages hold when their RUNs start: a
 * build stage's requirements file (`COPY requirements.txt .` then `RUN pip
 * install --prefix=/install -r requirements.txt`) is an input of the image
 * though the final stage never holds it, as is the code a builder copies to
 * build a wheel. Worked out once per image model: a hook run asks for every
 * staged path of every service.
 */
export function buildStageFiles(image: ImageModel): ReadonlySet<RepoPath> {
  let files = byImage.get(image);
  if (!files) {
    const found = new Set<RepoPath>();
    for (const stage of image.stages ?? []) for (const atRun of stage.filesAtRun.values()) for (const origin of atRun.values()) if (origin.inline === undefined) found.add(origin.repoPath);
    files = found;
    byImage.set(image, files);
  }
  return files;
}
