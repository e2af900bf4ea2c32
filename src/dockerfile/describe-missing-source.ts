import type { BuildContext } from './build-context.js';
import { isWithin } from './image-paths.js';
import { MESSAGES } from './messages.js';

/** Says why a literal source is not in the context: an ignore file hides it, or it is not there at all. */
export function describeMissingSource(keyword: string, source: string, key: string, context: BuildContext): string {
  const direct = context.excludedBy.get(key);
  if (direct) return MESSAGES.sourceIgnored(keyword, source, direct);
  for (const [file, ignoreFile] of context.excludedBy) {
    if (isWithin(file, key)) return MESSAGES.sourceIgnored(keyword, source, ignoreFile);
  }
  return MESSAGES.sourceMissing(keyword, source, context.root);
}
