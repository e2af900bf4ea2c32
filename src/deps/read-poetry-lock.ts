import type { RepoPath } from '../types.js';
import { checkPackageArray } from './check-lock-entries.js';
import { evaluateMarker } from './evaluate-marker.js';
import { findArrayTableLines, toLockedRequirement } from './locked-requirement.js';
import { normalizeName } from './normalize-name.js';
import { asTable, isTable, parseToml, type TomlTable } from './parse-toml.js';
import { unanalysable } from './rules.js';
import type { DependencyFile, MarkerEnv, RequirementKind } from './types.js';

const KNOWN_LOCK_VERSIONS = ['1.1', '2.0', '2.1'];

/**
 * poetry.lock → every locked package, `direct: false` (which are roots only
 * the pyproject says). Groups come from `groups` (lock-version 2.1) or
 * `category` (Poetry < 1.5); files from Poetry 1.5–1.8 carry neither.
 */
export function readPoetryLock(path: RepoPath, text: string, env: MarkerEnv): DependencyFile {
  const file: DependencyFile = { path, format: 'poetry-lock', requirements: [], includes: [], constraints: [], problems: [] };
  const parsed = parseToml(path, text);
  if ('problem' in parsed) return { ...file, problems: [parsed.problem] };
  const lockVersion = String(asTable(parsed.doc.metadata)['lock-version'] ?? '');
  if (!KNOWN_LOCK_VERSIONS.includes(lockVersion)) {
    file.problems.push(unanalysable(path, 0, `${path}: poetry.lock lock-version '${lockVersion}' is not one dockguard knows (${KNOWN_LOCK_VERSIONS.join(', ')})`));
  }
  const lines = findArrayTableLines(text, 'package');
  const checked = checkPackageArray(path, parsed.doc.package, lines, { version: 'string', dependencies: 'table', groups: 'array', source: 'table', extras: 'table' });
  file.problems.push(...checked.problems);
  checked.entries.forEach((raw, i) => {
    if (checked.bad.has(i)) return;
    const p = asTable(raw);
    const { marker, markerResult } = readMarkers(p.markers, env);
    const { kind, url } = readSource(asTable(p.source), p.develop === true);
    const groups = Array.isArray(p.groups) ? p.groups.map(String) : typeof p.category === 'string' ? [p.category] : undefined;
    const entry = {
      rawName: String(p.name ?? ''),
      version: typeof p.version === 'string' ? p.version : undefined,
      kind,
      url,
      marker,
      markerResult,
      groups,
      dependsOn: Object.keys(asTable(p.dependencies)).map(normalizeName),
      file: path,
      line: lines[i] ?? 0,
    };
    file.requirements.push(toLockedRequirement(entry, env));
  });
  return file;
}

/** `markers` is one string, or (lock-version 2.1) one per group: installed when any group's holds. */
function readMarkers(markers: unknown, env: MarkerEnv): { marker?: string; markerResult: boolean | undefined } {
  if (typeof markers === 'string') return { marker: markers, markerResult: evaluateMarker(markers, env) };
  if (!isTable(markers)) return { markerResult: true };
  const texts = Object.values(markers).filter((m): m is string => typeof m === 'string');
  if (texts.length === 0) return { markerResult: true };
  const results = texts.map((m) => evaluateMarker(m, env));
  const markerResult = results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  return { marker: texts.map((m) => `(${m})`).join(' or '), markerResult };
}

function readSource(source: TomlTable, develop: boolean): { kind: RequirementKind; url?: string } {
  const url = typeof source.url === 'string' ? source.url : undefined;
  switch (source.type) {
    case 'git':
      return { kind: 'vcs', url };
    case 'directory':
      return { kind: develop ? 'editable' : 'path', url };
    case 'file':
      return { kind: 'path', url };
    case 'url':
      return { kind: 'url', url };
    default:
      return { kind: 'registry' }; // PyPI or a `legacy` index
  }
}
