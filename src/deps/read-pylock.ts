import type { RepoPath } from '../types.js';
import { findArrayTableLines, toLockedRequirement } from './locked-requirement.js';
import { asTable, parseToml } from './parse-toml.js';
import { unanalysable } from './rules.js';
import type { DependencyFile, MarkerEnv, RequirementKind } from './types.js';

/**
 * PEP 751 pylock.toml → every listed package. Markers may test `extras` and
 * `dependency_groups`; unless told, the lock's `default-groups` are the ones asked for.
 */
export function readPylock(path: RepoPath, text: string, env: MarkerEnv): DependencyFile {
  const file: DependencyFile = { path, format: 'pylock', requirements: [], includes: [], constraints: [], problems: [] };
  const parsed = parseToml(path, text);
  if ('problem' in parsed) return { ...file, problems: [parsed.problem] };
  const version = String(parsed.doc['lock-version'] ?? '');
  if (!/^1(\.|$)/.test(version)) file.problems.push(unanalysable(path, 1, `${path}: pylock lock-version '${version}' is not one dockguard knows (1.x)`));
  const defaults = Array.isArray(parsed.doc['default-groups']) ? parsed.doc['default-groups'].map(String) : [];
  const lockEnv: MarkerEnv = { ...env, dependencyGroups: env.dependencyGroups ?? defaults };
  const lines = findArrayTableLines(text, 'packages');
  const packages = Array.isArray(parsed.doc.packages) ? parsed.doc.packages : [];
  packages.forEach((raw, i) => {
    const p = asTable(raw);
    const { kind, url } = locate(p);
    file.requirements.push(
      toLockedRequirement({
        rawName: String(p.name ?? ''),
        version: typeof p.version === 'string' ? p.version : undefined,
        kind,
        url,
        marker: typeof p.marker === 'string' ? p.marker : undefined,
        file: path,
        line: lines[i] ?? 0,
      }, lockEnv),
    );
  });
  return file;
}

function locate(p: Record<string, unknown>): { kind: RequirementKind; url?: string } {
  const vcs = asTable(p.vcs);
  if (Object.keys(vcs).length) return { kind: 'vcs', url: String(vcs.url ?? vcs.path ?? '') };
  const dir = asTable(p.directory);
  if (Object.keys(dir).length) return { kind: dir.editable === true ? 'editable' : 'path', url: String(dir.path ?? '') };
  const archive = asTable(p.archive);
  if (Object.keys(archive).length) return archive.url ? { kind: 'url', url: String(archive.url) } : { kind: 'path', url: String(archive.path ?? '') };
  return { kind: 'registry' };
}
