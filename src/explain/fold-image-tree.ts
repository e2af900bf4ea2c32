import path from 'node:path';
import { byCodeUnit } from '../by-code-unit.js';
import type { ImageFileOrigin, ImageModel } from '../types.js';
import type { FileOrigin, ImageTreeNode, ImageTreeSummary } from './explanation.js';

export interface FoldOptions {
  /** Folders below this many levels are folded into their parent's counts. */
  depth: number;
  /** Expand every folder and list every file. */
  verbose: boolean;
}

/** Repository folders named per node: enough to recognise where a folder comes from. */
const MAX_REPO_DIRS = 3;

interface Folder {
  path: string;
  /** Files directly in it, with their origin key. */
  files: Array<{ path: string; key: string; repoPath: string }>;
  /** Unknown content written at this very path. */
  unknown: string[];
  children: Map<string, Folder>;
}

/**
 * The image's files as a folded tree: each folder with how many files it
 * holds and where they came from (a COPY/ADD line and its stage, a heredoc,
 * a bind mount, or content dockguard cannot see). A folder whose files all
 * come from one place is shown as one line; only folders of mixed origin
 * are opened, down to `depth` (all of them, with the files, when verbose).
 */
export function foldImageTree(image: ImageModel, options: FoldOptions): ImageTreeSummary {
  const origins = new Map<string, FileOrigin>();
  const root: Folder = { path: '/', files: [], unknown: [], children: new Map() };
  for (const [file, origin] of image.files) {
    const key = originKey(origin);
    if (!origins.has(key)) origins.set(key, describeOrigin(origin, image));
    folderAt(root, path.posix.dirname(file)).files.push({ path: file, key, repoPath: origin.repoPath });
  }
  for (const opaque of image.opaque) {
    const key = `unknown\0${opaque.line}\0${opaque.reason}`;
    origins.set(key, { kind: 'unknown', line: opaque.line, reason: opaque.reason });
    folderAt(root, opaque.path).unknown.push(key);
  }
  const top = toNode(root, origins, options, 0);
  return { files: image.files.size, baseImage: image.baseImage ?? null, tree: top.children };
}

function folderAt(root: Folder, dir: string): Folder {
  let folder = root;
  if (dir === '/') return folder;
  for (const part of dir.slice(1).split('/')) {
    const next = `${folder.path === '/' ? '' : folder.path}/${part}`;
    let child = folder.children.get(next);
    if (!child) {
      child = { path: next, files: [], unknown: [], children: new Map() };
      folder.children.set(next, child);
    }
    folder = child;
  }
  return folder;
}

function toNode(folder: Folder, origins: ReadonlyMap<string, FileOrigin>, options: FoldOptions, level: number): ImageTreeNode {
  // A folder holding nothing but one sub-folder is shown as that sub-folder (`/usr/local/lib`, not `/usr`).
  if (folder.files.length === 0 && folder.unknown.length === 0 && folder.children.size === 1 && level > 0) {
    return toNode([...folder.children.values()][0]!, origins, options, level);
  }
  const counts = new Map<string, number>();
  const repoDirs = new Set<string>();
  const all = collect(folder);
  for (const file of all.files) {
    counts.set(file.key, (counts.get(file.key) ?? 0) + 1);
    repoDirs.add(path.posix.dirname(file.repoPath));
  }
  for (const key of all.unknown) if (!counts.has(key)) counts.set(key, 0);
  const sortedOrigins = [...counts].map(([key, files]) => ({ ...origins.get(key)!, files })).sort((a, b) => lineOf(a) - lineOf(b));
  const open = level === 0 || options.verbose || (counts.size > 1 && level < options.depth);
  const children = open ? [...folder.children.values()].sort((a, b) => byCodeUnit(a.path, b.path)).map((c) => toNode(c, origins, options, level + 1)) : [];
  if (open && options.verbose) {
    for (const file of [...folder.files].sort((a, b) => byCodeUnit(a.path, b.path))) {
      children.push({ path: file.path, isFile: true, files: 1, origins: [{ ...origins.get(file.key)!, files: 1 }], repoDirs: [file.repoPath], children: [], folded: 0 });
    }
  }
  const dirs = [...repoDirs].sort(byCodeUnit);
  const here = open && !options.verbose && folder.children.size > 0 ? directOrigins(folder, origins) : [];
  return {
    path: folder.path,
    files: all.files.length,
    origins: sortedOrigins,
    repoDirs: dirs.length > MAX_REPO_DIRS ? [...dirs.slice(0, MAX_REPO_DIRS), `… ${dirs.length - MAX_REPO_DIRS} more`] : dirs,
    ...(here.length > 0 ? { here } : {}),
    children,
    folded: open ? 0 : all.folders,
  };
}

/** Where the files directly in an opened folder came from (its sub-folders say their own). */
function directOrigins(folder: Folder, origins: ReadonlyMap<string, FileOrigin>): ImageTreeNode['origins'] {
  const counts = new Map<string, number>();
  for (const file of folder.files) counts.set(file.key, (counts.get(file.key) ?? 0) + 1);
  for (const key of folder.unknown) if (!counts.has(key)) counts.set(key, 0);
  return [...counts].map(([key, files]) => ({ ...origins.get(key)!, files })).sort((a, b) => lineOf(a) - lineOf(b));
}

function collect(folder: Folder): { files: Folder['files']; unknown: string[]; folders: number } {
  const files = [...folder.files];
  const unknown = [...folder.unknown];
  let folders = 0;
  for (const child of folder.children.values()) {
    const below = collect(child);
    files.push(...below.files);
    unknown.push(...below.unknown);
    folders += 1 + below.folders;
  }
  return { files, unknown, folders };
}

const lineOf = (origin: FileOrigin): number => ('line' in origin ? origin.line : 0);

function originKey(origin: ImageFileOrigin): string {
  if (origin.mounted) return 'mount';
  return `${origin.inline !== undefined ? 'heredoc' : 'copy'}\0${origin.line}`;
}

/** The instruction that put a file there, as the Dockerfile writes it. */
export function describeOrigin(origin: ImageFileOrigin, image: ImageModel): FileOrigin {
  if (origin.mounted) return { kind: 'mount' };
  if (origin.inline !== undefined) return { kind: 'heredoc', line: origin.line };
  const copy = image.copies.find((c) => c.line === origin.line);
  if (!copy) return { kind: 'base-build', line: origin.line };
  const from = copy.from !== undefined ? `--from=${copy.from} ` : '';
  return {
    kind: 'copy',
    instruction: copy.instruction,
    line: copy.line,
    stage: copy.stage,
    ...(copy.from !== undefined ? { fromStage: copy.from } : {}),
    text: `${copy.instruction} ${from}${copy.sources.join(' ')} ${copy.dest}`,
  };
}
