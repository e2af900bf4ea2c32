import type { BuildContext } from '../dockerfile/build-context.js';
import { joinImagePath, relativeBelow } from '../python/image-path.js';
import { asImagePath, type Fix, type ImageModel, type ImagePath, type MissingModule, type RepoPath, type RepoSnapshot } from '../types.js';
import type { RepoHit } from './repo-bases.js';

export interface CopyFixInput {
  image: ImageModel;
  context: BuildContext | undefined;
  snapshot: RepoSnapshot;
  hit: RepoHit;
  module: string;
  /** Line count of each ignore file, to place an exception at its end. */
  ignoreFileLines: ReadonlyMap<RepoPath, number>;
}

export type CopyDiagnosis = Pick<MissingModule, 'reason' | 'ignoredBy' | 'fix' | 'inImageAt'> & { unit: RepoPath };

/**
 * Works out the smallest piece of the repository to add (the first package
 * or module on the dotted path that the image lacks) and the exact line that
 * adds it, written like the Dockerfile's own COPY lines.
 */
export function diagnoseMissingCopy(input: CopyFixInput): CopyDiagnosis {
  const { image, context, snapshot, hit, module } = input;
  const parts = module.split('.');
  let k = 0;
  while (k < parts.length - 1 && image.dirs.has(joinImagePath(hit.base.imageDir, ...parts.slice(0, k + 1)))) k++;
  const relParts = parts.slice(0, k + 1);
  const dirUnit = [hit.base.repoDir, ...relParts].filter(Boolean).join('/') as RepoPath;
  const isDir = snapshot.dirs.has(dirUnit);
  const unit = (isDir ? dirUnit : `${dirUnit}.py`) as RepoPath;

  const elsewhere = findInImageElsewhere(image, hit.repoPath, module);
  if (elsewhere) return { reason: 'not-on-path', unit: hit.repoPath, inImageAt: elsewhere, fix: buildPathFix(image, elsewhere.root) };
  if (!context) return { reason: 'not-copied', unit };
  const contextRel = relativeBelow(context.root, unit);
  if (contextRel === undefined) return { reason: 'outside-context', unit };

  const moduleFileRel = relativeBelow(context.root, hit.repoPath);
  const ignoreFile = context.ignoreFiles[0];
  if (moduleFileRel !== undefined && context.excluded.has(moduleFileRel) && ignoreFile !== undefined) {
    return {
      reason: 'ignored',
      ignoredBy: ignoreFile,
      unit,
      fix: {
        file: ignoreFile,
        line: input.ignoreFileLines.get(ignoreFile) ?? 0,
        text: isDir ? `!${contextRel}/**/*.py` : `!${contextRel}`,
        description: `add at the end of ${ignoreFile} (an exception must come after the pattern that excludes it)`,
      },
    };
  }
  return { reason: 'not-copied', unit, fix: buildCopyFix(image, contextRel, isDir, joinImagePath(hit.base.imageDir, ...relParts)) };
}

function buildCopyFix(image: ImageModel, source: string, isDir: boolean, destPath: string): Fix {
  const stageCopies = image.copies.filter((c) => c.stage === image.target && c.from === undefined);
  const relativeStyle = stageCopies.length > 0 && stageCopies.filter((c) => !c.dest.startsWith('/')).length * 2 >= stageCopies.length;
  const last = stageCopies[stageCopies.length - 1] ?? image.copies[image.copies.length - 1];
  const destDir = isDir ? destPath : destPath.slice(0, destPath.lastIndexOf('/')) || '/';
  const below = relativeBelow(last?.workdir ?? image.workdir, destDir);
  let dest: string;
  if (relativeStyle && below !== undefined) dest = below === '' ? './' : `./${below}/`;
  else dest = destDir === '/' ? '/' : `${destDir}/`;
  const line = last?.line ?? Math.max(0, (image.cmd?.line ?? 1) - 1);
  return {
    file: image.dockerfile,
    line,
    text: `COPY ${isDir ? `${source}/` : source} ${dest}`,
    description: last ? `add after line ${line} of ${image.dockerfile} (the last COPY of the image's stage)` : `add to ${image.dockerfile} before the CMD`,
  };
}

/**
 * Where the image already holds the module's file under the folder layout
 * its dotted name needs (`/srv/app/utils.py` for `app.utils`), when the walk
 * did not find it there: that folder is not on sys.path (`python
 * app/main.py` puts /srv/app first, not the working directory /srv), and a
 * COPY would not help.
 */
function findInImageElsewhere(image: ImageModel, repoPath: RepoPath, module: string): { file: ImagePath; root: ImagePath } | undefined {
  const tail = module.split('.').join('/');
  for (const [file, origin] of image.files) {
    if (origin.repoPath !== repoPath || origin.inline !== undefined) continue;
    for (const suffix of [`/${tail}.py`, `/${tail}/__init__.py`]) {
      if (file.endsWith(suffix)) return { file, root: asImagePath(file.slice(0, -suffix.length) || '/') };
    }
  }
  return undefined;
}

/** `ENV PYTHONPATH=<root>` after the last COPY (keeping a PYTHONPATH the image sets). */
function buildPathFix(image: ImageModel, root: ImagePath): Fix {
  const stageCopies = image.copies.filter((c) => c.stage === image.target);
  const line = stageCopies.at(-1)?.line ?? Math.max(0, (image.cmd?.line ?? 1) - 1);
  const existing = image.env.PYTHONPATH;
  return {
    file: image.dockerfile,
    line,
    text: `ENV PYTHONPATH=${existing ? `${root}:${existing}` : root}`,
    description: `put ${root} on sys.path: add after line ${line} of ${image.dockerfile}, or start the service as a module (python -m) from ${root}`,
  };
}
