import type { Problem, RepoPath } from '../types.js';
import { convertPoetryConstraint } from './convert-poetry-constraint.js';
import { evaluateMarker } from './evaluate-marker.js';
import { normalizeName } from './normalize-name.js';
import { malformed } from './rules.js';
import type { TomlLines } from './toml-lines.js';
import type { MarkerEnv, Requirement, RequirementKind } from './types.js';

export interface PoetryContext {
  file: RepoPath;
  lines: TomlLines;
  env: MarkerEnv;
  problems: Problem[];
}

export interface PoetryDependency {
  requirement: Requirement;
  /** `optional = true`: installed only through `[tool.poetry.extras]`. */
  optional: boolean;
}

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `[tool.poetry.*dependencies]` table → requirements; the `python` key is the interpreter, not a package. */
export function readPoetryDependencies(table: unknown, header: string, ctx: PoetryContext): PoetryDependency[] {
  const headerLine = ctx.lines.header(header);
  if (!isTable(table)) {
    ctx.problems.push(malformed(ctx.file, headerLine, `${ctx.file}: [${header}] must be a table`));
    return [];
  }
  const out: PoetryDependency[] = [];
  for (const [rawName, value] of Object.entries(table)) {
    if (rawName.toLowerCase() === 'python') continue;
    const line = ctx.lines.key(headerLine, rawName) || headerLine;
    // A list is several constraints, each under its own markers.
    for (const entry of Array.isArray(value) ? value : [value]) {
      const dependency = readEntry(rawName, entry, line, ctx);
      if (dependency) out.push(dependency);
    }
  }
  return out;
}

function readEntry(rawName: string, entry: unknown, line: number, ctx: PoetryContext): PoetryDependency | undefined {
  const spec = typeof entry === 'string' ? { version: entry } : entry;
  const bad = (why: string): undefined => {
    ctx.problems.push(malformed(ctx.file, line, `${ctx.file}:${line}: dependency '${rawName}' ${why}`));
    return undefined;
  };
  if (!isTable(spec)) return bad('must be a version string or a table');
  const version = typeof spec.version === 'string' ? spec.version : '';
  const specifier = convertPoetryConstraint(version);
  if (specifier === undefined) return bad(`has a version constraint Poetry does not accept: '${version}'`);
  const { kind, url } = locate(spec);
  const markers: string[] = [];
  if (typeof spec.markers === 'string') markers.push(spec.markers);
  if (typeof spec.python === 'string') {
    const python = pythonMarker(spec.python);
    if (python === undefined) return bad(`has a python constraint that cannot be read: '${spec.python}'`);
    if (python) markers.push(python);
  }
  if (typeof spec.platform === 'string') markers.push(`sys_platform == "${spec.platform}"`);
  const marker = markers.length > 1 ? markers.map((m) => `(${m})`).join(' and ') : markers[0];
  const requirement: Requirement = {
    name: normalizeName(rawName),
    rawName,
    specifier,
    extras: Array.isArray(spec.extras) ? spec.extras.filter((e): e is string => typeof e === 'string').map(normalizeName) : [],
    markerResult: marker === undefined ? true : evaluateMarker(marker, ctx.env),
    source: { file: ctx.file, line },
    kind,
    direct: true,
  };
  if (marker !== undefined) requirement.marker = marker;
  if (url !== undefined) requirement.url = url;
  return { requirement, optional: spec.optional === true };
}

function locate(spec: Record<string, unknown>): { kind: RequirementKind; url?: string } {
  if (typeof spec.git === 'string') return { kind: spec.develop === true ? 'editable' : 'vcs', url: spec.git };
  if (typeof spec.path === 'string') return { kind: spec.develop === true ? 'editable' : 'path', url: spec.path };
  if (typeof spec.url === 'string') return { kind: 'url', url: spec.url };
  return { kind: 'registry' };
}

/** `python = "^3.9"` → `python_full_version >= "3.9" and python_full_version < "4.0"`. */
function pythonMarker(constraint: string): string | undefined {
  const spec = convertPoetryConstraint(constraint);
  if (spec === undefined) return undefined;
  if (spec === '') return '';
  return spec
    .split(',')
    .map((clause) => {
      const m = /^(===|==|!=|<=|>=|~=|<|>)(.+)$/.exec(clause);
      return `python_full_version ${m?.[1] ?? '=='} "${m?.[2] ?? clause}"`;
    })
    .join(' and ');
}
