import path from 'node:path';
import { isRemoteSource, normalizeSourcePath } from '../dockerfile/normalize-source.js';
import { parseCopyArgs } from '../dockerfile/parse-copy-args.js';
import { parseDockerfile } from '../dockerfile/parse-dockerfile.js';
import { isBuildTimeListing, originFile } from '../select-services.js';
import { cachedByContentId } from '../cache/cached-by-content-id.js';
import type { ContentCache } from '../cache/open-cache.js';
import type { RepoPath, RepoSnapshot, ServiceSpec } from '../types.js';
import { isAtOrBelow } from '../discover/repo-path.js';

/** What a Dockerfile can take from its build context: context-relative COPY/ADD sources, or anything at all. */
export type ContextReach = { sources: string[] } | 'anything';

/** A source whose files cannot be named from the text alone. */
const WILDCARD_OR_VARIABLE = /[*?[\\$]/;

/**
 * Reads, from a Dockerfile's text alone, which parts of its build context
 * it can copy into any of its stages: the sources of every COPY and ADD
 * (other stages and images aside, which take nothing from the context). It
 * is `anything` whenever that cannot be pinned down: a wildcard or variable
 * in a source, the whole context, a `RUN --mount` (a bind mount reads the
 * context too), an ONBUILD trigger, or a Dockerfile that does not parse.
 */
export function readContextReach(text: string): ContextReach {
  const parsed = parseDockerfile(text);
  if (parsed.problems.length > 0) return 'anything';
  const sources: string[] = [];
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === 'RUN' && instruction.flags.some((f) => f.name === 'mount')) return 'anything';
    // A trigger runs in whatever is built FROM this stage, with sources this reading does not follow.
    if (instruction.keyword === 'ONBUILD') return 'anything';
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    if (instruction.flags.some((f) => f.name === 'from')) continue;
    for (const raw of parseCopyArgs(instruction)?.sources ?? []) {
      if (isRemoteSource(raw)) continue;
      if (WILDCARD_OR_VARIABLE.test(raw)) return 'anything';
      const source = normalizeSourcePath(raw);
      if (source === '.') return 'anything';
      sources.push(source);
    }
  }
  return { sources };
}


/**
 * Whether any of `paths` can change this service, judged before its image is
 * modelled (which for a large repository costs several milliseconds per
 * service): a path that is its Dockerfile, any ignore file, the file that
 * names its context, or a path its COPY sources can reach — inside a copied
 * folder, or in the folder of a copied file (a lock file beside a copied
 * requirements file is read too). Anything unsure is a yes; a no must be as
 * certain as `selectServices` on the model. `dirs` tells folders from files.
 */
export function mayAffectService(spec: ServiceSpec, reach: ContextReach, paths: readonly RepoPath[], dirs: ReadonlySet<RepoPath>): boolean {
  const { context } = spec;
  // A Cloud Build upload's .gcloudignore can include other files by name: those are inputs too.
  if (spec.gcloudUpload) return true;
  return paths.some((p) => {
    if (isAtOrBelow(spec.dockerfile, p)) return true;
    const name = path.posix.basename(p);
    if (name === '.gcloudignore' || name.endsWith('.dockerignore')) return true;
    if (originFile(spec.contextOrigin) === p) return true;
    if (isBuildTimeListing(p)) return true;
    if (context === undefined || isAtOrBelow(context, p)) return true;
    if (!isAtOrBelow(p, context)) return false;
    if (reach === 'anything') return true;
    const inContext = context === '' ? p : p.slice(context.length + 1);
    return reach.sources.some((source) => {
      if (isAtOrBelow(source, inContext)) return true;
      const copied = dirs.has((context === '' ? source : `${context}/${source}`) as RepoPath) ? source : path.posix.dirname(source);
      return isAtOrBelow(inContext, copied === '.' ? '' : copied);
    });
  });
}

/**
 * The services `paths` may affect, from their Dockerfiles' text (see
 * `mayAffectService`). An invisible edit (`findInvisibleEdits`) counts only
 * where its file may be an entry script the command runs, which is read as
 * text: its name appears in the Dockerfile or the build arguments, or it is a
 * gunicorn config. A Dockerfile that cannot be read keeps its service.
 */
export async function filterReachable(
  specs: readonly ServiceSpec[],
  paths: readonly RepoPath[],
  invisibleEdits: ReadonlySet<RepoPath>,
  snapshot: RepoSnapshot,
  /** Keeps each Dockerfile's reach by content id: parsing 30 Dockerfiles was a fifth of a warm hook run. */
  cache?: ContentCache,
): Promise<ServiceSpec[]> {
  const keep = await Promise.all(
    specs.map(async (spec) => {
      let text: string;
      try {
        text = (await snapshot.read(spec.dockerfile)).toString('utf8');
      } catch {
        return true;
      }
      const args = JSON.stringify(spec.buildArgs);
      const mayBeEntryScript = (p: RepoPath) => {
        const name = path.posix.basename(p);
        return name === 'gunicorn.conf.py' || text.includes(name) || args.includes(name);
      };
      const counted = paths.filter((p) => !invisibleEdits.has(p) || mayBeEntryScript(p));
      const reach = cachedByContentId(cache, REACH_NAMESPACE, snapshot.contentId(spec.dockerfile), isContextReach, () => readContextReach(text));
      return mayAffectService(spec, reach, counted, snapshot.dirs);
    }),
  );
  return specs.filter((_, i) => keep[i]);
}

const REACH_NAMESPACE = 'dockerfile-reach';

/** The shape `readContextReach` gives: a cached value of any other is a miss. */
function isContextReach(value: unknown): value is ContextReach {
  if (value === 'anything') return true;
  if (typeof value !== 'object' || value === null) return false;
  const { sources } = value as { sources?: unknown };
  return Object.keys(value).length === 1 && Array.isArray(sources) && sources.every((s) => typeof s === 'string');
}
