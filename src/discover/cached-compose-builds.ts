import { cachedByContentId } from '../cache/cached-by-content-id.js';
import type { ContentCache } from '../cache/open-cache.js';
import { parseComposeBuilds, type ComposeBuilds } from './read-compose-file.js';

const NAMESPACE = 'compose-builds';

/**
 * `parseComposeBuilds`, kept by the compose file's content id: parsing the
 * YAML was the largest single cost of a warm hook run, and the file rarely
 * changes. A cached value of another shape is a miss.
 */
export function cachedComposeBuilds(text: string, id: string | undefined, cache: ContentCache | undefined): ComposeBuilds {
  return cachedByContentId(cache, NAMESPACE, id, isComposeBuilds, () => parseComposeBuilds(text));
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isComposeBuilds(value: unknown): value is ComposeBuilds {
  if (!isObject(value) || !Array.isArray(value.builds)) return false;
  if (value.error !== undefined && !(isObject(value.error) && typeof value.error.line === 'number' && isString(value.error.message))) return false;
  return value.builds.every(
    (build: unknown) =>
      isObject(build) &&
      isString(build.name) &&
      typeof build.line === 'number' &&
      isString(build.context) &&
      isString(build.dockerfile) &&
      isObject(build.args) &&
      Object.values(build.args).every(isString) &&
      (build.target === undefined || isString(build.target)) &&
      (build.entrypoint === undefined || isString(build.entrypoint) || (Array.isArray(build.entrypoint) && build.entrypoint.every(isString))) &&
      (build.workingDir === undefined || isString(build.workingDir)) &&
      (build.mounts === undefined || (Array.isArray(build.mounts) && build.mounts.every((m: unknown) => isObject(m) && isString(m.source) && isString(m.target)))) &&
      (build.environment === undefined ||
        (isObject(build.environment) && isObject(build.environment.values) && Object.values(build.environment.values).every(isString) && (build.environment.pythonPathUnknown === undefined || isString(build.environment.pythonPathUnknown)))),
  );
}
