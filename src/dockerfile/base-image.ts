/**
 * What dockguard knows of a FROM image, from data/base-images.json. An image
 * the table does not list is `unknown`: a value every later step must treat
 * as "may hold anything", never as empty.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../package-root.js';
import type { BaseImage } from '../types.js';

interface ImageEntry {
  id: string;
  repository: string;
  tag?: string;
  basedOn?: string;
  family?: 'debian' | 'alpine' | 'none';
  pythonFromTag?: boolean;
  distributions?: string[];
  /** Distributions only images of a Python up to `version` install (setuptools and wheel in the official images). */
  distributionsThroughPython?: { version: string; names: string[] };
  programs?: string[];
  programDir?: string;
  apt?: string[];
  apk?: string[];
  path?: string;
}

const ENTRIES = (JSON.parse(readFileSync(dataFile('base-images.json'), 'utf8')) as { images: ImageEntry[] }).images;

/** BuildKit's PATH for an image whose config sets none; the official images set this same value. */
export const DEFAULT_IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The PATH a stage built FROM this image starts with, so `ENV PATH=/x:$PATH`
 * keeps the base image's folders. An unknown image gets BuildKit's default:
 * the best guess there is, and never an empty PATH.
 */
export function baseImagePath(reference: string | undefined): string {
  if (reference === undefined || reference.includes('$')) return DEFAULT_IMAGE_PATH;
  const { repository, tag } = parseImageReference(reference);
  const entry = ENTRIES.find((e) => e.repository === repository && new RegExp(e.tag ?? '^').test(tag));
  return entry?.path ?? DEFAULT_IMAGE_PATH;
}

/** Docker Hub and the public mirrors of its official images: `mirror.gcr.io/library/python` is `python`. */
const HUB_PREFIXES = [/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|mirror\.gcr\.io)\//, /^public\.ecr\.aws\/docker\//];

export interface ImageReference {
  /** Repository with Docker Hub's registry and `library/` removed (`python`, `ghcr.io/astral-sh/uv`). */
  repository: string;
  tag: string;
}

/** `docker.io/library/python:3.12-slim@sha256:…` → `python` + `3.12-slim`. */
export function parseImageReference(reference: string): ImageReference {
  let name = reference.trim().split('@')[0] as string;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const tag = colon === -1 ? 'latest' : name.slice(colon + 1);
  if (colon !== -1) name = name.slice(0, colon);
  for (const prefix of HUB_PREFIXES) name = name.replace(prefix, '');
  name = name.replace(/^library\//, '');
  return { repository: name.toLowerCase(), tag: tag.toLowerCase() };
}

/** The knowledge of `reference` (after ARG substitution), or why there is none. */
export function describeBaseImage(reference: string | undefined): BaseImage {
  if (reference === undefined || reference.trim() === '') return { kind: 'unknown', reference, why: 'the FROM image is not known (an unresolved variable)' };
  if (reference.includes('$')) return { kind: 'unknown', reference: undefined, why: `the FROM image ${reference} contains an unresolved variable` };
  return describe(reference, 0) ?? { kind: 'unknown', reference, why: `dockguard does not know what the base image ${reference} contains` };
}

function describe(reference: string, depth: number): Extract<BaseImage, { kind: 'known' }> | undefined {
  const { repository, tag } = parseImageReference(reference);
  for (const entry of ENTRIES) {
    if (entry.repository !== repository) continue;
    const match = new RegExp(entry.tag ?? '^').exec(tag);
    if (!match) continue;
    const parent = entry.basedOn !== undefined && depth < 4
      ? describe(entry.basedOn.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? ''), depth + 1)
      : undefined;
    if (entry.basedOn !== undefined && parent === undefined) return undefined;
    const dir = entry.programDir ?? '/usr/local/bin';
    const byVersion = entry.distributionsThroughPython;
    const versionDistributions = byVersion && entry.pythonFromTag && isAtMost(match[1], byVersion.version) ? byVersion.names : [];
    const own = Object.fromEntries((entry.programs ?? []).map((p) => [p, dir === '/' ? `/${p}` : `${dir}/${p}`]));
    return {
      kind: 'known',
      reference,
      ids: [entry.id, ...(parent?.ids ?? [])],
      family: entry.family ?? parent?.family ?? 'none',
      pythonImage: entry.pythonFromTag ? reference : parent?.pythonImage,
      distributions: [...new Set([...(parent?.distributions ?? []), ...(entry.distributions ?? []), ...versionDistributions])],
      programs: { ...(parent?.programs ?? {}), ...own },
      systemPackages: [...new Set([...(parent?.systemPackages ?? []), ...(entry.apt ?? []), ...(entry.apk ?? [])])],
    };
  }
  return undefined;
}

/**
 * Whether the Python version a tag names is at most `limit` (`3.12.5`). A tag
 * naming the minor alone (`3.12`) is rebuilt with each patch release, so it
 * is that minor's newest; a tag naming no version (`slim`, `latest`) follows
 * the newest Python.
 */
function isAtMost(tagVersion: string | undefined, limit: string): boolean {
  if (tagVersion === undefined) return false;
  const tag = tagVersion.split('.').map(Number);
  const bound = limit.split('.').map(Number);
  for (let i = 0; i < bound.length; i++) {
    // A part the tag leaves out floats up to the newest release: above any bound.
    const part = tag[i] ?? Number.POSITIVE_INFINITY;
    if (part !== bound[i]) return part < bound[i]!;
  }
  return true;
}
