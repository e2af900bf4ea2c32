import path from 'node:path/posix';
import { isTable, parseToml, type TomlTable } from '../deps/parse-toml.js';
import type { RepoPath, RepoSnapshot } from '../types.js';

/**
 * Modules a project's build backend writes into its own packages when the
 * image installs it, as configured in its pyproject.toml: the version file
 * of setuptools-scm (`version_file`, formerly `write_to`), of hatch-vcs
 * (`[tool.hatch.build.hooks.vcs] version-file`) and of pdm-backend
 * (`[tool.pdm.version] write_to`, relative to the package folder: `src/`
 * when the project has one). The repository never holds them (they are
 * generated, and usually gitignored), yet `from ._version import
 * __version__` works in the container. Repository paths, only `.py` files
 * the repository lacks.
 */
export async function readBuildWrittenModules(projects: readonly RepoPath[], snapshot: RepoSnapshot): Promise<RepoPath[]> {
  const found: RepoPath[] = [];
  for (const project of projects) {
    const file = (project === '' ? 'pyproject.toml' : `${project}/pyproject.toml`) as RepoPath;
    if (!snapshot.files.has(file)) continue;
    // A pyproject.toml that cannot be read or parsed is reported by the dependency analysis, which reads it
    // too; here it only means no generated module is placed, so an import of one stays a finding.
    let text: string;
    try {
      text = (await snapshot.read(file)).toString('utf8');
    } catch {
      continue;
    }
    // Most projects configure no version file: spare them the TOML parse on every check.
    if (!/version_file|write_to|version-file/.test(text)) continue;
    const parsed = parseToml(file, text);
    if ('problem' in parsed) continue;
    const inProject = (relative: string) => path.normalize(project === '' ? relative : `${project}/${relative}`) as RepoPath;
    const hasSrc = snapshot.dirs.has(inProject('src'));
    for (const written of versionFiles(parsed.doc, hasSrc)) {
      const repoPath = inProject(written);
      if (repoPath.endsWith('.py') && !repoPath.startsWith('../') && !snapshot.files.has(repoPath)) found.push(repoPath);
    }
  }
  return found;
}

function versionFiles(doc: TomlTable, hasSrc: boolean): string[] {
  const tool = table(doc.tool);
  const scm = table(tool?.setuptools_scm);
  const hatchVcs = table(table(table(table(tool?.hatch)?.build)?.hooks)?.vcs);
  const pdmVersion = table(table(tool?.pdm)?.version);
  const pdmFile = text(pdmVersion?.write_to);
  return [
    text(scm?.version_file),
    text(scm?.write_to),
    text(hatchVcs?.['version-file']),
    pdmFile !== undefined ? (hasSrc ? `src/${pdmFile}` : pdmFile) : undefined,
  ].filter((f): f is string => f !== undefined);
}

const table = (value: unknown): TomlTable | undefined => (isTable(value) ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
