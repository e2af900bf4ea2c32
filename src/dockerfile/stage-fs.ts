import type { ImageFileOrigin, RepoPath, WrittenByRun } from '../types.js';
import { parentKey } from './image-paths.js';

export interface OpaqueEntry {
  /** Internal image key (no leading `/`). */
  key: string;
  line: number;
  reason: string;
  /** Filled from a source the build machine has but the repository lacks. */
  buildInput?: boolean;
  /** From outside the build's sources and installs (see `ImageModel.opaque`). */
  foreign?: boolean;
  /** Made by a code generator whose modules' names this pattern (regex source) matches, whatever the import. */
  generated?: string;
  /** The RUN that wrote it (see `ImageModel.opaque`). */
  writtenBy?: WrittenByRun;
  /** Output of a program whose outputs are not listed (see `ImageModel.opaque`). */
  unlisted?: boolean;
}

/** What one stage's filesystem is known to hold, keyed by image path without the leading `/`. */
export interface StageFs {
  files: Map<string, ImageFileOrigin>;
  dirs: Set<string>;
  opaque: OpaqueEntry[];
}

/**
 * Folders every Linux base image has (the Filesystem Hierarchy Standard's,
 * in Debian, Ubuntu, Alpine and Red Hat images alike). They matter to COPY:
 * `COPY requirements.txt /tmp` copies into the folder /tmp, and only into a
 * file named /tmp where no such folder exists (`FROM scratch`).
 */
export const LINUX_BASE_DIRS: readonly string[] = [
  'bin', 'etc', 'home', 'lib', 'mnt', 'opt', 'root', 'run', 'sbin', 'srv', 'tmp', 'var', 'var/lib', 'var/log', 'var/tmp', 'var/cache',
  'usr', 'usr/bin', 'usr/lib', 'usr/sbin', 'usr/share', 'usr/src', 'usr/local', 'usr/local/bin', 'usr/local/lib', 'usr/local/share',
];

/** A stage's filesystem: a copy of the stage it is built FROM, or what a base image is known to hold (`baseDirs`). */
export function createStageFs(from?: StageFs, baseDirs: readonly string[] = []): StageFs {
  return {
    files: new Map(from?.files),
    dirs: new Set(from?.dirs ?? ['', ...baseDirs]),
    opaque: [...(from?.opaque ?? [])],
  };
}

export function addDir(fs: StageFs, key: string): void {
  for (let dir = key; !fs.dirs.has(dir); dir = parentKey(dir)) {
    fs.dirs.add(dir);
    // A file replaced by a directory of the same name no longer exists.
    fs.files.delete(dir);
  }
}

export function addFile(fs: StageFs, key: string, repoPath: RepoPath, line: number, inline?: string): void {
  addDir(fs, parentKey(key));
  fs.files.set(key, inline === undefined ? { repoPath, line } : { repoPath, line, inline });
}

/** What else is known of unknown content: see `ImageModel.opaque`. */
export interface OpaqueFlags {
  buildInput?: boolean;
  foreign?: boolean;
  generated?: string;
  writtenBy?: WrittenByRun;
  unlisted?: boolean;
}

export function addOpaque(fs: StageFs, key: string, line: number, reason: string, flags: OpaqueFlags = {}): void {
  addDir(fs, parentKey(key));
  fs.opaque.push({ key, line, reason, ...(flags.buildInput ? { buildInput: true } : {}), ...(flags.foreign ? { foreign: true } : {}), ...(flags.generated !== undefined ? { generated: flags.generated } : {}), ...(flags.writtenBy ? { writtenBy: flags.writtenBy } : {}), ...(flags.unlisted ? { unlisted: true } : {}) });
}
