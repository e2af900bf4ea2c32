import type { RepoPath } from '../types.js';
import { checkPackageArray } from './check-lock-entries.js';
import { evaluateMarker } from './evaluate-marker.js';
import { findArrayTableLines, toLockedRequirement } from './locked-requirement.js';
import { normalizeName } from './normalize-name.js';
import { asTable, parseToml, type TomlTable } from './parse-toml.js';
import { reachLockedPackages, type LockEdge } from './reach-locked-packages.js';
import { unanalysable } from './rules.js';
import type { DependencyFile, MarkerEnv, Requirement, RequirementKind } from './types.js';

interface UvPackage {
  id: string;
  name: string;
  version: string | undefined;
  source: TomlTable;
  parts: Map<string, LockEdge[]>;
  line: number;
}

/**
 * uv.lock → every package the lock can install. Roots are the workspace's own
 * projects (`editable`/`virtual`/`directory` sources); a package is marked with
 * the parts that reach it (`main`, a group, `extra:x`) and `markerResult`
 * says whether any edge path to it holds on the image.
 */
export function readUvLock(path: RepoPath, text: string, env: MarkerEnv): DependencyFile {
  const file: DependencyFile = { path, format: 'uv-lock', requirements: [], includes: [], constraints: [], problems: [] };
  const parsed = parseToml(path, text);
  if ('problem' in parsed) return { ...file, problems: [parsed.problem] };
  if (parsed.doc.version !== 1) file.problems.push(unanalysable(path, 1, `${path}: uv.lock version ${String(parsed.doc.version)} is not one dockguard knows (1)`));
  const lines = findArrayTableLines(text, 'package');
  const checked = checkPackageArray(path, parsed.doc.package, lines, {
    version: 'string', source: 'table', dependencies: 'array', 'optional-dependencies': 'table', 'dev-dependencies': 'table',
  });
  file.problems.push(...checked.problems);
  const packages = checked.entries.flatMap((p, i) => (checked.bad.has(i) ? [] : [toPackage(asTable(p), lines[i] ?? 0, env)]));
  const byName = new Map<string, UvPackage[]>();
  for (const p of packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const members = new Set((Array.isArray(asTable(parsed.doc.manifest).members) ? (asTable(parsed.doc.manifest).members as unknown[]) : []).map((m) => normalizeName(String(m))));
  const roots = packages.filter((p) => members.has(p.name) || isLocalProject(p.source));
  const byId = new Map(packages.map((p) => [p.id, p]));
  const graph = { edges: (node: string, part: string) => byId.get(node)?.parts.get(part) ?? [] };
  const resolve = (edge: LockEdge): LockEdge => ({ ...edge, to: pick(byName, edge.to) });
  for (const p of packages) for (const [k, list] of p.parts) p.parts.set(k, list.map(resolve));

  const reachAll = new Map<string, boolean | undefined>();
  const groups = new Map<string, Set<string>>();
  const direct = new Set(roots.map((r) => r.id));
  for (const root of roots) {
    for (const part of root.parts.keys()) {
      const label = part === '' ? 'main' : part;
      for (const edge of root.parts.get(part) ?? []) direct.add(edge.to);
      const reach = reachLockedPackages(graph, root.parts.get(part) ?? []);
      for (const [id, r] of reach) {
        if (r === false || id === root.id) continue;
        groups.set(id, (groups.get(id) ?? new Set()).add(label));
        if (reachAll.get(id) !== true) reachAll.set(id, r);
      }
    }
  }
  for (const p of packages) {
    if (p.source.virtual !== undefined) continue; // a virtual project is never installed
    const isRoot = roots.includes(p);
    file.requirements.push(requirementOf(p, path, isRoot ? true : reachAll.has(p.id) ? reachAll.get(p.id) : false, isRoot ? ['main'] : [...(groups.get(p.id) ?? [])].sort(), direct.has(p.id), env));
  }
  return file;
}

function toPackage(t: TomlTable, line: number, env: MarkerEnv): UvPackage {
  const name = normalizeName(String(t.name ?? ''));
  const version = typeof t.version === 'string' ? t.version : undefined;
  const parts = new Map<string, LockEdge[]>([['', edgesOf(t.dependencies, env)]]);
  for (const [extra, list] of Object.entries(asTable(t['optional-dependencies']))) parts.set(`extra:${normalizeName(extra)}`, edgesOf(list, env));
  for (const [group, list] of Object.entries(asTable(t['dev-dependencies']))) parts.set(normalizeName(group), edgesOf(list, env));
  return { id: `${name}@${version ?? ''}`, name, version, source: asTable(t.source), parts, line };
}

function edgesOf(list: unknown, env: MarkerEnv): LockEdge[] {
  if (!Array.isArray(list)) return [];
  return list.map((d) => {
    const e = asTable(d);
    const name = normalizeName(String(e.name ?? ''));
    const to = typeof e.version === 'string' ? `${name}@${e.version}` : name;
    const marker = typeof e.marker === 'string' ? evaluateMarker(e.marker, env) : true;
    return { to, marker, extras: (Array.isArray(e.extra) ? e.extra : []).map((x) => normalizeName(String(x))) };
  });
}

/** An edge names a package, with a version only when the lock holds several of that name. */
function pick(byName: Map<string, UvPackage[]>, to: string): string {
  if (to.includes('@')) return to;
  return byName.get(to)?.[0]?.id ?? `${to}@`;
}

function isLocalProject(source: TomlTable): boolean {
  return ['editable', 'virtual'].some((k) => source[k] !== undefined) || source.directory === '.';
}

function requirementOf(p: UvPackage, file: RepoPath, reach: boolean | undefined, groups: string[], direct: boolean, env: MarkerEnv): Requirement {
  const kinds: Array<[string, RequirementKind]> = [['registry', 'registry'], ['git', 'vcs'], ['url', 'url'], ['path', 'path'], ['directory', 'path'], ['editable', 'editable']];
  const [key, kind] = kinds.find(([k]) => p.source[k] !== undefined) ?? ['registry', 'registry'];
  const url = key === 'registry' ? undefined : String(p.source[key]);
  const dependsOn = [...new Set([...p.parts.values()].flat().map((e) => e.to.split('@')[0] ?? ''))];
  return toLockedRequirement({ rawName: p.name, version: p.version, kind, url, markerResult: reach, groups, dependsOn, file, line: p.line, direct }, env);
}
