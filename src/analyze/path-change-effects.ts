import type { ExternalImport, ImageModel, ImagePath, MissingModule, PathChange, RepoPath } from '../types.js';
import { evaluatePath } from './evaluate-path.js';

/** What the executed modules do to sys.path: folders inserted and appended, and changes that cannot be evaluated. */
export interface PathChanges {
  inserted: ImagePath[];
  appended: ImagePath[];
  /** `why`, when it is no `sys.path` call of a module: a RUN writing a .pth file, a compose env_file. */
  unevaluable: Array<{ file: RepoPath | string; line: number; why?: string }>;
  /** Which module line put each evaluated folder there (the first one that did). */
  sources: Array<{ entry: ImagePath; op: 'insert' | 'append'; file: RepoPath; line: number }>;
}

/** Evaluates one module's sys.path changes where it lies in the image (`file`), from the image's working directory. */
export function recordPathChanges(changes: readonly PathChange[], file: ImagePath, repoPath: RepoPath, cwd: ImagePath, into: PathChanges): void {
  for (const change of changes) {
    if (change.expr === null) into.unevaluable.push({ file: repoPath, line: change.line });
    else {
      const entry = evaluatePath(change.expr, file, cwd);
      (change.op === 'insert' ? into.inserted : into.appended).push(entry);
      into.sources.push({ entry, op: change.op, file: repoPath, line: change.line });
    }
  }
}

/**
 * A sys.path change dockguard cannot evaluate may put any folder of the
 * image on sys.path: an absolute import that fails is then a guess when the
 * image holds a module or folder of its top-level name somewhere.
 */
export function assumeUnevaluablePaths(
  result: { missing: MissingModule[]; externalImports: ExternalImport[]; pathChanges: PathChanges },
  absoluteMissing: ReadonlySet<MissingModule>,
  image: ImageModel,
  resolvesNow: (topLevel: string) => boolean,
): { missing: MissingModule[]; externalImports: ExternalImport[] } {
  const [change] = result.pathChanges.unevaluable;
  if (change === undefined) return result;
  const names = namesInImage(image);
  const assumption = (module: string): string | undefined => {
    const top = module.split('.')[0]!;
    // Another folder on sys.path can only help when the image holds that name somewhere else than where it
    // resolves now: a package found already is searched for its submodules in its own folder alone.
    if ((names.get(top) ?? 0) <= (resolvesNow(top) ? 1 : 0)) return undefined;
    // And only when some folder of the image holds the module itself: no folder put first makes
    // onyx.utils.telemetry importable when no onyx/utils/telemetry(.py) is anywhere in the image.
    if (!holdsModulePath(image, module)) return undefined;
    return `${change.file}:${change.line} ${change.why ?? 'changes sys.path in a way dockguard cannot evaluate'}, and the image has a ${top} it may make importable`;
  };
  return {
    missing: result.missing.map((missing) => {
      const text = absoluteMissing.has(missing) && missing.assumption === undefined ? assumption(missing.module) : undefined;
      return text === undefined ? missing : { ...missing, assumption: text };
    }),
    externalImports: result.externalImports.map((external) => {
      const text = external.assumption === undefined ? assumption(external.module) : undefined;
      return text === undefined ? external : { ...external, assumption: text };
    }),
  };
}

/** How many places of the image hold a module file or folder of each name. */
function namesInImage(image: ImageModel): Map<string, number> {
  const names = new Map<string, number>();
  const add = (name: string) => names.set(name, (names.get(name) ?? 0) + 1);
  for (const file of image.files.keys()) if (file.endsWith('.py') && !file.endsWith('/__init__.py')) add(file.slice(file.lastIndexOf('/') + 1, -3));
  for (const dir of image.dirs) add(dir.slice(dir.lastIndexOf('/') + 1));
  return names;
}

/** Whether any folder of the image holds `a/b/c.py`, `a/b/c/__init__.py` or a folder `a/b/c` for module `a.b.c`. */
function holdsModulePath(image: ImageModel, module: string): boolean {
  const path = `/${module.replaceAll('.', '/')}`;
  for (const dir of image.dirs) if (dir.endsWith(path)) return true;
  for (const file of image.files.keys()) {
    if (file.endsWith(`${path}.py`) || file.endsWith(`${path}/__init__.py`) || file.includes(`${path}/`)) return true;
  }
  return false;
}
