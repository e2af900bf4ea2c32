import { buildImageModel } from '../../src/dockerfile/build-image-model.js';
import type { BuildContext } from '../../src/dockerfile/build-context.js';
import { asRepoPath, type ImageModel } from '../../src/types.js';

/** An in-memory build context: `files` are context-relative; `excluded` maps hidden files to their ignore file. */
export function makeContext(files: string[], root = '', excluded: Record<string, string> = {}): BuildContext {
  const dirs = new Set<string>(['']);
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const excludedBy = new Map(Object.entries(excluded).map(([f, by]) => [f, asRepoPath(by)]));
  return {
    root: asRepoPath(root),
    files: new Set(files),
    dirs,
    excluded: new Set(excludedBy.keys()),
    excludedBy,
    ignoreFiles: [...new Set(excludedBy.values())],
    unseenReason: () => undefined,
    unseenKeys: [],
  };
}

export function model(
  text: string,
  /** `null` = the build context is unknown. */
  files: string[] | BuildContext | null = [],
  options: { buildArgs?: Record<string, string>; target?: string; dockerfile?: string } = {},
): ImageModel {
  const context = files === null ? undefined : Array.isArray(files) ? makeContext(files) : files;
  return buildImageModel({
    dockerfile: asRepoPath(options.dockerfile ?? 'Dockerfile'),
    text,
    context,
    buildArgs: options.buildArgs ?? {},
    ...(options.target !== undefined ? { target: options.target } : {}),
  });
}

/** Image files, sorted, as plain strings. */
export function imageFiles(m: ImageModel): string[] {
  return [...m.files.keys()].sort();
}

/** Image files with the repository file each came from. */
export function origins(m: ImageModel): Record<string, string> {
  return Object.fromEntries([...m.files].map(([p, o]) => [p, o.repoPath]));
}

export function rules(m: ImageModel): Array<[string, number]> {
  return m.problems.map((p) => [p.rule, p.line]);
}
