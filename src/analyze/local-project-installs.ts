import path from 'node:path/posix';
import { extractInstalls } from '../deps/installs.js';
import { projectAtRun } from '../deps/installed/locate-at-run.js';
import { stageChain } from '../deps/installed/stage-chain.js';
import type { InstallCommand } from '../deps/installs/install-command.js';
import { parseToml } from '../deps/parse-toml.js';
import type { ImageModel, RepoPath, RepoSnapshot } from '../types.js';

/**
 * Repository folders of the local projects the image's own stages install
 * (`pip install .`, `pip install -e ./libs/common`, `uv sync`, `poetry
 * install`, `pdm install`), read before the import walk: their packages are
 * importable from site-packages wherever their source lies, so the walk
 * follows them there instead of taking them for third-party distributions it
 * cannot see into (a src layout installed editable is on no other sys.path
 * entry). A uv workspace root counts its members too, since `uv sync
 * --package x` installs x and the members it needs. Over-inclusion only makes
 * more of the repository's own code importable; it never adds a finding.
 */
export async function findLocalProjectInstalls(image: ImageModel, snapshot: RepoSnapshot): Promise<RepoPath[]> {
  const stages = new Set(stageChain(image));
  const found = new Set<RepoPath>();
  for (const run of image.runs) {
    if (!stages.has(run.stage)) continue;
    for (const install of extractInstalls(run, image.dockerfile)) {
      for (const dir of projectDirsOf(install)) {
        const project = projectAtRun(dir, run, image, snapshot);
        if (project === undefined) continue;
        found.add(project);
        if (install.tool === 'uv-sync') for (const member of await workspaceMembers(project, snapshot)) found.add(member);
      }
    }
  }
  return [...found];
}

/** Image folders an install takes a local project from. */
function projectDirsOf(install: InstallCommand): string[] {
  switch (install.tool) {
    case 'pip':
    case 'uv-pip':
      return [...install.inline, ...install.editables]
        .filter((word) => /^[./]/.test(word) && !/\.(whl|zip|tar\.gz|tgz)$/i.test(word) && !/[$`*]/.test(word))
        .map((word) => path.resolve(install.cwd, word.replace(/\[[^\]]*\]$/, '')));
    case 'uv-sync':
    case 'poetry':
    case 'pdm':
      return install.noProject ? [] : [path.resolve(install.cwd, install.projectDir ?? '.')];
    default:
      return [];
  }
}

/** Folders matched by `[tool.uv.workspace] members` that hold a pyproject.toml, minus `exclude`. */
async function workspaceMembers(root: RepoPath, snapshot: RepoSnapshot): Promise<RepoPath[]> {
  const file = (root === '' ? 'pyproject.toml' : `${root}/pyproject.toml`) as RepoPath;
  if (!snapshot.files.has(file)) return [];
  const parsed = parseToml(file, (await snapshot.read(file)).toString('utf8'));
  if ('problem' in parsed) return [];
  const workspace = ((parsed.doc.tool as Record<string, unknown> | undefined)?.uv as Record<string, unknown> | undefined)?.workspace as Record<string, unknown> | undefined;
  const globs = (key: string) => (Array.isArray(workspace?.[key]) ? (workspace[key] as unknown[]).filter((g): g is string => typeof g === 'string') : []);
  const [members, exclude] = [globs('members').map(toPattern), globs('exclude').map(toPattern)];
  if (members.length === 0) return [];
  const prefix = root === '' ? '' : `${root}/`;
  const found: RepoPath[] = [];
  for (const candidate of snapshot.files) {
    if (!candidate.startsWith(prefix) || !candidate.endsWith('/pyproject.toml')) continue;
    const dir = candidate.slice(prefix.length, -'/pyproject.toml'.length);
    if (members.some((m) => m.test(dir)) && !exclude.some((m) => m.test(dir))) found.push(`${prefix}${dir}` as RepoPath);
  }
  return found;
}

/** A workspace glob (`packages/*`, `libs/**`) as a regex over folder paths. */
function toPattern(glob: string): RegExp {
  const source = glob
    .replace(/\/+$/, '')
    .split('/')
    .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/');
  return new RegExp(`^${source}$`);
}
