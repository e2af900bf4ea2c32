import { stageChain } from '../deps/installed/stage-chain.js';
import type { ImageModel, RepoPath } from '../types.js';

const byImage = new WeakMap<ImageModel, ReadonlySet<RepoPath>>();

/**
 * The repository files the image's build stages (those outside the final
 * stage's FROM chain) hold when their RUNs start: a builder's requirements
 * file (`COPY requirements.txt .` then `RUN pip install --prefix=/install -r
 * requirements.txt`) decides what the image installs though the image never
 * holds it. The final chain's files are the image's own, already known.
 * Worked out once per image model: a hook run asks for every staged path of
 * every service.
 */
export function buildStageFiles(image: ImageModel): ReadonlySet<RepoPath> {
  let files = byImage.get(image);
  if (!files) {
    const finalChain = new Set(stageChain(image));
    const found = new Set<RepoPath>();
    for (const stage of image.stages ?? []) {
      if (finalChain.has(stage.label)) continue;
      for (const atRun of stage.filesAtRun.values()) for (const origin of atRun.values()) if (origin.inline === undefined) found.add(origin.repoPath);
    }
    files = found;
    byImage.set(image, files);
  }
  return files;
}
