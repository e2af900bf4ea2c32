import type { ModelledService } from './analyze/analyze-service.js';
import type { RepoPath } from './types.js';
import { isAtOrBelow } from './discover/repo-path.js';
import { isDockerfileName } from './discover/is-dockerfile-name.js';
import { buildStageFiles } from './incremental/build-stage-files.js';

/** Origins read `docker-compose.yml:3`, `scripts/deploy.sh:12` or `dockguard.config.json services[0]`: the file comes first. */
export const originFile = (origin: string | undefined): string | undefined => origin?.split(/[: ]/, 1)[0];

/** `.gitignore` and `.gitmodules`: what they list exists when an image is built, though not in the repository. */
export const isBuildTimeListing = (p: string): boolean => /(^|\/)\.git(?:ignore|modules)$/.test(p);

/**
 * The services a set of paths can affect: a path is the Dockerfile itself
 * (or a folder holding it), an ignore file or build file that defines its
 * context, a file the image contains (or a folder of such files), a file a
 * stage holds when one of its RUNs starts (a builder's requirements file), or
 * a file a RUN bind-mounts from the context. A Dockerfile selects only its own
 * service (and those whose build file names it), not every image that
 * happens to copy it.
 * `invisibleEdits` are staged modules whose edit no import analysis can see
 * (see `findInvisibleEdits`): they select only a service that reads one as
 * an entry script.
 */
export function selectServices(modelled: readonly ModelledService[], paths: readonly RepoPath[], invisibleEdits: ReadonlySet<RepoPath> = new Set()): ModelledService[] {
  return modelled.filter(({ analysis, context }) => {
    const { service, image } = analysis;
    return paths.some((p) => {
      if (invisibleEdits.has(p) && !analysis.launchFiles.includes(p)) return false;
      if (isAtOrBelow(service.dockerfile, p)) return true;
      if (context?.ignoreFiles.some((f) => isAtOrBelow(f, p))) return true;
      if (originFile(service.contextOrigin) === p) return true;
      // They say which missing COPY sources and imports exist at build time, for any service.
      if (isBuildTimeListing(p)) return true;
      if (!image) return false;
      // A Dockerfile is not Python nor a dependency file: that another image copies it (`COPY . .`) changes nothing
      // there. It counts only as the Dockerfile of a repository-built base image, which is among the launch inputs.
      if (isDockerfileName(p)) return analysis.launchFiles.includes(p);
      if (image.runs.some((run) => run.bindMounts.some(({ repoPath }) => repoPath !== undefined && (isAtOrBelow(p, repoPath) || isAtOrBelow(repoPath, p))))) return true;
      // A folder the image copies: new and deleted files there change the image too.
      if (image.copies.some((c) => c.sourceDirs.some(({ repoDir }) => isAtOrBelow(p, repoDir)))) return true;
      for (const origin of image.files.values()) if (isAtOrBelow(origin.repoPath, p)) return true;
      return buildStageFiles(image).has(p);
    });
  });
}
