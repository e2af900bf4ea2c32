import { posix } from 'node:path';
import type { RepoPath } from '../types.js';

/** Where a symbolic link of the index leads: a file of the commit, or why it leads nowhere usable. */
export type LinkResolution = { target: RepoPath } | { problem: string; dir?: RepoPath };

/** Links to links are followed this far, as a kernel gives up on loops. */
export const MAX_HOPS = 8;

/**
 * The repository path a link's text leads to, relative to the link's folder;
 * undefined when it leaves the repository (absolute, or climbing out): a
 * checkout of the commit, and BuildKit, would not find it there.
 */
export function linkTarget(link: RepoPath, text: string): RepoPath | undefined {
  const target = posix.normalize(posix.join(posix.dirname(link), text));
  return text.startsWith('/') || target.startsWith('../') || target === '..' ? undefined : (target as RepoPath);
}

export const outsideRepository = (text: string): string => `is a symbolic link to ${text}, outside the repository`;

/**
 * Follows each staged symbolic link through the index to the file it leads
 * to, as the file system of a checkout of the commit would: a link's blob
 * holds its target path, relative to the link's folder. `readLinkText`
 * reads a link blob; links are few, so this runs once per snapshot.
 */
export async function resolveIndexLinks(
  links: ReadonlySet<RepoPath>,
  isFile: (path: RepoPath) => boolean,
  readLinkText: (link: RepoPath) => Promise<string>,
  isDir: (path: RepoPath) => boolean = () => false,
): Promise<Map<RepoPath, LinkResolution>> {
  const texts = new Map<RepoPath, string | Error>();
  await Promise.all([...links].map(async (link) => texts.set(link, await readLinkText(link).catch((error: Error) => error))));
  const resolved = new Map<RepoPath, LinkResolution>();
  for (const link of links) {
    let current = link;
    let resolution: LinkResolution | undefined;
    for (let hops = 0; resolution === undefined; hops++) {
      const text = texts.get(current)!;
      if (text instanceof Error) {
        resolution = { problem: `is a symbolic link that cannot be read (${text.message})` };
        break;
      }
      const target = linkTarget(current, text);
      if (target === undefined) resolution = { problem: outsideRepository(text) };
      else if (hops >= MAX_HOPS) resolution = { problem: `is a symbolic link that leads through more than ${MAX_HOPS} links` };
      else if (texts.has(target)) current = target;
      else if (isFile(target)) resolution = { target };
      // A link to a folder is no file to read; COPY and Python see the folder's files through it.
      else if (isDir(target)) resolution = { problem: `is a symbolic link to ${target}, which the commit does not contain as a file`, dir: target };
      else resolution = { problem: `is a symbolic link to ${target}, which the commit does not contain as a file` };
    }
    resolved.set(link, resolution);
  }
  return resolved;
}
