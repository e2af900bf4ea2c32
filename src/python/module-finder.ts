
/**
 * A file tree in which Python looks modules up: the image, or the
 * repository seen from a set of base folders. Paths are plain strings so the
 * same algorithm serves image paths and repository paths.
 */
export interface ModuleTree {
  isFile(path: string): boolean;
  isDir(path: string): boolean;
  join(base: string, ...parts: string[]): string;
}

/** A found module: the files Python executes to import it, outermost package first. */
export interface ExecutedFile {
  file: string;
  /** Dotted name the file is imported as. */
  module: string;
}

export interface FoundModule {
  /** `__init__.py` of every regular package on the way, then the module's own file. */
  executed: ExecutedFile[];
  /** The module's own file (`x.py` or `x/__init__.py`); undefined for a namespace package. */
  file: string | undefined;
  /** Search path of the module when it is a package (for submodules). */
  packagePath: string[] | undefined;
  /** The sys.path entry the top-level package was found in. */
  entry: string;
}

/**
 * Looks one name up in a list of directories the way CPython's path finder
 * does (§9.4 of the reference): a regular package or a module in an entry
 * stops the scan; bare directories are remembered as namespace portions and
 * only win when nothing else is found anywhere.
 */
export function findInPath(
  tree: ModuleTree,
  searchPath: readonly string[],
  name: string,
): Omit<FoundModule, 'executed'> | undefined {
  const portions: string[] = [];
  let portionEntry: string | undefined;
  for (const entry of searchPath) {
    const dir = tree.join(entry, name);
    const init = tree.join(dir, '__init__.py');
    if (tree.isFile(init)) return { file: init, packagePath: [dir], entry };
    const module = tree.join(entry, `${name}.py`);
    if (tree.isFile(module)) return { file: module, packagePath: undefined, entry };
    if (tree.isDir(dir)) {
      portions.push(dir);
      portionEntry ??= entry;
    }
  }
  if (portions.length > 0 && portionEntry !== undefined) return { file: undefined, packagePath: portions, entry: portionEntry };
  return undefined;
}

export type ResolveResult =
  | { found: true; module: FoundModule }
  /** `resolved` = how many leading components were found before the failure. */
  | { found: false; resolved: number; packagePath: string[] | undefined; executed: ExecutedFile[] };

/** Resolves a dotted module name on `sysPath`, component by component. */
export function resolveDotted(tree: ModuleTree, sysPath: readonly string[], dotted: string): ResolveResult {
  const parts = dotted.split('.');
  let searchPath: readonly string[] = sysPath;
  const executed: ExecutedFile[] = [];
  let entry = '';
  for (let i = 0; i < parts.length; i++) {
    const hit = findInPath(tree, searchPath, parts[i]!);
    if (!hit) return { found: false, resolved: i, packagePath: i === 0 ? undefined : [...searchPath], executed };
    if (i === 0) entry = hit.entry;
    if (hit.file) executed.push({ file: hit.file, module: parts.slice(0, i + 1).join('.') });
    if (i === parts.length - 1) {
      return { found: true, module: { executed, file: hit.file, packagePath: hit.packagePath, entry } };
    }
    if (!hit.packagePath) return { found: false, resolved: i + 1, packagePath: undefined, executed };
    searchPath = hit.packagePath;
  }
  return { found: false, resolved: 0, packagePath: undefined, executed };
}

/** A ModuleTree over sets of absolute image paths. */
export function imageTree(files: { has(path: string): boolean }, dirs: { has(path: string): boolean }): ModuleTree {
  return {
    isFile: (p) => files.has(p),
    isDir: (p) => dirs.has(p),
    // Names joined here are identifiers and sys.path entries are normalised: plain concatenation is enough.
    join: (base, ...parts) => (base === '/' ? '/' : `${base}/`) + parts.join('/'),
  };
}

/** A ModuleTree over repository paths (relative, `''` = root). */
export function repoTree(files: { has(path: string): boolean }, dirs: { has(path: string): boolean }): ModuleTree {
  return {
    isFile: (p) => files.has(p),
    isDir: (p) => dirs.has(p),
    join: (base, ...parts) => [base, ...parts].filter((part) => part !== '').join('/'),
  };
}
