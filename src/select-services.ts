import type { ModelledService } from './analyze/analyze-service.js';
import type { RepoPath } from './types.js';

const isAtOrBelow = (file: string, dir: string): boolean => dir === '' || file === dir || file.startsWith(`${dir}/`);

/**
 * The services a set of paths can affect: a path is the Dockerfile itself
 * (or a folder holding it), an ignore file or build file that defines its
 * context, or a file the image contains (or a folder of such files).
 */
export function selectServices(modelled: readonly ModelledService[], paths: readonly RepoPath[]): ModelledService[] {
  return modelled.filter(({ analysis, context }) => {
    const { service, image } = analysis;
    return paths.some((p) => {
      if (isAtOrBelow(service.dockerfile, p)) return true;
      if (context?.ignoreFiles.some((f) => isAtOrBelow(f, p))) return true;
      if (service.contextOrigin?.split(':')[0] === p) return true;
      if (!image) return false;
      // A folder the image copies: new and deleted files there change the image too.
      if (image.copies.some((c) => c.sourceDirs.some(({ repoDir }) => isAtOrBelow(p, repoDir)))) return true;
      for (const origin of image.files.values()) if (isAtOrBelow(origin.repoPath, p)) return true;
      return false;
    });
  });
}
