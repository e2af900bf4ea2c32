import type { RepoPath } from '../types.js';
import { baseName, parentDir, selfAndAncestors } from './repo-path.js';

export type BuildFileKind = 'compose' | 'shell' | 'make' | 'just' | 'yaml' | 'bake';

export interface BuildFile {
  kind: BuildFileKind;
  /** Folders a relative path in the file may be taken from, most likely first. */
  bases: RepoPath[];
  /** The file's own folder (`$(dirname "$0")`, `$(CURDIR)`). */
  here: RepoPath;
}

const COMPOSE = /^(?:docker-)?compose[^/]*\.ya?ml$/;
const MAKE = /^(?:Makefile|makefile|GNUmakefile)$|\.mk$/;
const JUST = /^(?:[Jj]ustfile|\.justfile)$/;
const CI_YAML = /^(?:(?:[^/]*[._-])?cloudbuild[^/]*\.ya?ml|\.gitlab-ci\.yml|Taskfile[^/]*\.ya?ml)$/;
const BAKE = /^docker-bake(?:\.[\w-]+)*\.(?:hcl|json)$/;
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * Which files may describe Docker builds, and from where their relative
 * paths are taken: a Makefile or Justfile recipe runs in its own folder, CI
 * YAML at the repository root (a Taskfile in its folder), and a shell
 * script from the root or, failing that, its folder or an ancestor.
 */
export function classifyBuildFile(path: RepoPath): BuildFile | undefined {
  const name = baseName(path);
  const here = parentDir(path);
  const root = '' as RepoPath;
  if (COMPOSE.test(name)) return { kind: 'compose', bases: [here], here };
  if (BAKE.test(name)) return { kind: 'bake', bases: [here], here };
  if (/\.(?:sh|bash)$/.test(name)) return { kind: 'shell', bases: unique([root, ...selfAndAncestors(here)]), here };
  if (MAKE.test(name)) {
    // Included .mk fragments run in the including Makefile's folder, usually an ancestor.
    return { kind: 'make', bases: name.endsWith('.mk') ? selfAndAncestors(here) : [here], here };
  }
  if (JUST.test(name)) return { kind: 'just', bases: [here], here };
  if (name.startsWith('Taskfile') && CI_YAML.test(name)) return { kind: 'yaml', bases: [here], here };
  if (CI_YAML.test(name) || WORKFLOW.test(path)) return { kind: 'yaml', bases: [root], here: root };
  return undefined;
}

function unique(paths: RepoPath[]): RepoPath[] {
  return [...new Set(paths)];
}
