import path from 'node:path';
import { asTable, isTable, parseToml } from '../deps/parse-toml.js';
import { readEntryPoint, readSetupCfgScripts, type ConsoleScript } from '../launch/console-scripts.js';
import { asRepoPath, type ImageModel, type RepoPath, type RepoSnapshot } from '../types.js';

/**
 * Console scripts of the projects the image's own build copies in: a
 * pyproject.toml or setup.cfg that some stage the image needs holds. Such a
 * project is what `pip install .`, `poetry install` or a wheel built from it
 * installs, and its scripts are commands the container can run.
 */
export async function readConsoleScripts(
  snapshot: RepoSnapshot,
  image: ImageModel,
  readText: (file: RepoPath) => Promise<string | undefined>,
): Promise<{ scripts: Map<string, ConsoleScript>; files: RepoPath[] }> {
  const projectFiles = new Set<RepoPath>();
  const consider = (repoPath: RepoPath): void => {
    const base = path.posix.basename(repoPath);
    if (base === 'pyproject.toml' || base === 'setup.cfg') projectFiles.add(repoPath);
  };
  for (const origin of image.files.values()) consider(origin.repoPath);
  for (const stage of image.stages ?? []) for (const files of stage.filesAtRun.values()) for (const origin of files.values()) consider(origin.repoPath);
  const scripts = new Map<string, ConsoleScript>();
  const files = [...projectFiles].sort().filter((file) => snapshot.files.has(file));
  for (const file of files) {
    const text = await readText(file);
    if (text === undefined) continue;
    const projectDir = asRepoPath(path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));
    for (const [name, value, table] of declaredScripts(file, text)) {
      const entry = readEntryPoint(value);
      if (entry && !scripts.has(name)) scripts.set(name, { name, ...entry, projectDir, declaredIn: `${table} of ${file}` });
    }
  }
  return { scripts, files };
}

function declaredScripts(file: RepoPath, text: string): Array<[string, string, string]> {
  if (file.endsWith('setup.cfg')) return readSetupCfgScripts(text).map(([n, v]) => [n, v, '[options.entry_points] console_scripts']);
  const parsed = parseToml(file, text);
  if (!('doc' in parsed)) return [];
  const found: Array<[string, string, string]> = [];
  const add = (table: unknown, label: string): void => {
    if (!isTable(table)) return;
    for (const [name, value] of Object.entries(table)) {
      const spec = typeof value === 'string' ? value : isTable(value) ? [value.reference, value.callable].find((v) => typeof v === 'string') : undefined;
      if (spec !== undefined) found.push([name, spec, label]);
    }
  };
  add(asTable(parsed.doc.project).scripts, '[project.scripts]');
  add(asTable(asTable(parsed.doc.tool).poetry).scripts, '[tool.poetry.scripts]');
  return found;
}
