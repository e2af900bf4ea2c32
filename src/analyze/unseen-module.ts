import type { BuildContext } from '../dockerfile/build-context.js';
import { joinImagePath, relativeBelow } from '../python/image-path.js';
import type { ResolveResult } from '../python/module-finder.js';
import type { ImageModel } from '../types.js';

/**
 * Why a module the image model lacks may be in the image all the same:
 * where Python would look for it, the image holds content nobody can see
 * (an external image, a download, a heredoc, a source made before the
 * build), or a folder copied whole from the context holds a file the
 * repository lacks but the build machine has (gitignored, generated, a
 * submodule). Undefined when nothing unseen could hold it: then it is absent.
 */
export function unseenModuleCause(
  module: string,
  resolution: ResolveResult,
  sysPath: readonly string[],
  image: ImageModel,
  context: BuildContext | undefined,
  scope: UnseenScope = 'any',
): string | undefined {
  // Below a package that resolved, Python looks only in that package's folder.
  const parts = module.split('.');
  const partial = !resolution.found && resolution.resolved > 0 && resolution.packagePath !== undefined;
  const searchPath = partial ? (resolution.packagePath as string[]) : sysPath;
  const rest = partial ? parts.slice(resolution.resolved) : parts;
  for (const entry of searchPath) {
    const base = joinImagePath(entry, ...rest);
    for (const candidate of [`${base}.py`, `${base}/__init__.py`, base]) {
      const cause = unseenPathCause(candidate, image, context, scope);
      if (cause !== undefined) return cause;
    }
  }
  return undefined;
}

/**
 * Which unknown content may count: `any`; `build-inputs`, sources the build
 * machine has and the repository lacks (leaving out external images and
 * downloads, whose content says nothing about this repository's modules);
 * `foreign`, those plus content from outside the build (an external image,
 * a download, a clone), which may hold a third-party module that no install
 * provides, unlike a venv or a builder stage's site-packages, which hold what
 * the modelled installs put there; `nowhere`, for a first-party module the
 * repository lacks: `any`, plus the folders programs whose outputs are not
 * listed run in (`make proto`, a repository script), which may have written
 * it. Those never excuse a module the repository has and the image lacks.
 */
export type UnseenScope = 'any' | 'build-inputs' | 'foreign' | 'nowhere';

/** Why a file the image model lacks may be at `imagePath` all the same (see unseenModuleCause and UnseenScope). */
export function unseenPathCause(imagePath: string, image: ImageModel, context: BuildContext | undefined, scope: UnseenScope = 'any'): string | undefined {
  // A generator's output holds its own modules, whichever scope asks: `orders_pb2` is no third-party package.
  const base = imagePath.replace(/(\/__init__)?\.py$/, '');
  const stem = base.slice(base.lastIndexOf('/') + 1);
  const generates = (o: ImageModel['opaque'][number]): boolean => o.generated !== undefined && new RegExp(o.generated).test(stem);
  const counts = (o: ImageModel['opaque'][number]): boolean =>
    o.unlisted === true ? scope === 'nowhere' : scope === 'any' || scope === 'nowhere' || o.buildInput === true || generates(o) || (scope === 'foreign' && o.foreign === true);
  const opaque = image.opaque.find((o) => relativeBelow(o.path, imagePath) !== undefined && counts(o));
  if (opaque?.unlisted) return `${opaque.reason} (line ${opaque.line}) runs in ${opaque.path} and may have written it`;
  if (opaque) return `${opaque.path} comes from ${opaque.reason}, which may hold it`;
  return context && unseenInContext(imagePath, image, context);
}

/**
 * The context file a COPY of a whole folder would have put at `imagePath`,
 * when the repository lacks it but the build has it. The folder counts as
 * copied whole when every file the context has in it is in the image next
 * to `imagePath`: `COPY app/main.py /app/` does not bring app/settings.py,
 * and a COPY --from a stage brings what that stage copied.
 */
function unseenInContext(imagePath: string, image: ImageModel, context: BuildContext): string | undefined {
  const prefix = context.root === '' ? '' : `${context.root}/`;
  for (const copy of image.copies) {
    for (const { repoDir, imageDir: copiedTo } of copy.sourceDirs) {
      const rel = relativeBelow(copiedTo, imagePath);
      if (rel === undefined || rel === '') continue;
      const repoPath = repoDir === '' ? rel : `${repoDir}/${rel}`;
      if (!repoPath.startsWith(prefix)) continue;
      const key = repoPath.slice(prefix.length);
      const reason = context.unseenReason(key);
      if (reason && isCopiedWhole(key, imagePath, image, context)) {
        return `${repoPath} may exist when the image is built (${reason}), and its folder is copied whole`;
      }
    }
  }
  return undefined;
}

/**
 * The nearest folder of `key` the context has (a submodule or an ignored
 * folder has none of its own) is in the image whole: each of its files sits
 * at the matching place next to `imagePath`.
 */
function isCopiedWhole(key: string, imagePath: string, image: ImageModel, context: BuildContext): boolean {
  let dirKey = parentOf(key);
  let imageDir = imagePath.slice(0, imagePath.lastIndexOf('/')) || '/';
  while (dirKey !== '' && !context.dirs.has(dirKey)) {
    dirKey = parentOf(dirKey);
    imageDir = imageDir.slice(0, imageDir.lastIndexOf('/')) || '/';
  }
  const prefix = dirKey === '' ? '' : `${dirKey}/`;
  let any = false;
  for (const file of context.files) {
    if (!file.startsWith(prefix) || file.indexOf('/', prefix.length) >= 0) continue;
    any = true;
    if (!image.files.has(joinImagePath(imageDir, file.slice(prefix.length)))) return false;
  }
  return any;
}

function parentOf(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}
