import type { ChainLink } from '../types.js';

/** One step of an import chain in words: the launch starts a module, then each file imports one, or names it in a Django setting. */
export function describeChainStep(link: ChainLink, index: number): string {
  if (index === 0) return `starts ${link.module}`;
  return link.namedIn === undefined ? `imports ${link.module}` : `names ${link.module} in ${link.namedIn}`;
}
