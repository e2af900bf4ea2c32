import type { ContentCache } from './open-cache.js';

/**
 * A value worked out from one file's content, kept under the file's content
 * id. What the cache holds is used only when `isValue` accepts its shape;
 * anything else (another layout, damage) is computed again and replaces it.
 * Without an id (nothing to key it by) or a cache, it is simply computed.
 */
export function cachedByContentId<T>(
  cache: ContentCache | undefined,
  namespace: string,
  id: string | undefined,
  isValue: (value: unknown) => value is T,
  compute: () => T,
): T {
  if (id === undefined || !cache) return compute();
  const stored = cache.get<unknown>(namespace, id);
  if (isValue(stored)) return stored;
  const value = compute();
  cache.set(namespace, id, value);
  return value;
}
