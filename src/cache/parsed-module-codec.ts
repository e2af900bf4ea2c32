import type { ImportRef, ParsedModule, PathChange, UnreachedDefinition } from '../types.js';

/**
 * How a parsed module is stored in the cache: positional arrays instead of
 * objects, because a warm check reads thousands of them and key names were
 * four fifths of the bytes to read and parse. An entry of any other shape
 * decodes to undefined, so a damaged cache means "parse again", never a
 * wrong answer.
 */
export type EncodedModule =
  | [EncodedImport[], Array<[string, number]>, EncodedError[], string[], string[], number[]]
  | [EncodedImport[], Array<[string, number]>, EncodedError[], string[], string[], number[], [PathChange[], UnreachedDefinition[]]];
type EncodedError = [number, number] | [number, number, string];
type EncodedImport =
  | [module: string, level: number, names: string[], line: number, flags: number, ignoredRules: string[] | 0, fallbackFor: number[][] | 0]
  | [module: string, level: number, names: string[], line: number, flags: number, ignoredRules: string[] | 0, fallbackFor: number[][] | 0, namedIn: string]
  | [module: string, level: number, names: string[], line: number, flags: number, ignoredRules: string[] | 0, fallbackFor: number[][] | 0, namedIn: string | 0, versions: [number, number, string]];

const GUARDED = 1;
const DYNAMIC = 2;
const BROAD = 4;
const CONDITION = 8;
const MAIN_ONLY = 16;
const KIND_FLAGS = { broad: BROAD, condition: CONDITION } as const;

export function encodeParsedModule(parsed: ParsedModule): EncodedModule {
  return [
    parsed.imports.map((ref) => {
      const flags = (ref.guarded ? GUARDED : 0) | (ref.dynamic ? DYNAMIC : 0) | (ref.guardKind ? KIND_FLAGS[ref.guardKind] : 0) | (ref.mainOnly ? MAIN_ONLY : 0);
      const encoded: EncodedImport = [ref.module, ref.level, ref.names, ref.line, flags, ref.ignoredRules ?? 0, ref.fallbackFor ?? 0];
      const versions = ref.pythonVersions;
      if (versions) return [...encoded, ref.namedIn ?? 0, [versions.runs, versions.skips, versions.condition]] satisfies EncodedImport;
      return ref.namedIn === undefined ? encoded : ([...encoded, ref.namedIn] satisfies EncodedImport);
    }),
    parsed.dynamicCandidates.map((c) => [c.value, c.line]),
    parsed.syntaxErrors.map((e) => (e.message === undefined ? [e.line, e.column] : [e.line, e.column, e.message])),
    parsed.calls,
    parsed.strings,
    parsed.computedImports,
    ...(parsed.pathChanges || parsed.unreached ? [[parsed.pathChanges ?? [], parsed.unreached ?? []]] : []),
  ] as EncodedModule;
}

export function decodeParsedModule(value: unknown): ParsedModule | undefined {
  if (!Array.isArray(value) || (value.length !== 6 && value.length !== 7) || !value.every(Array.isArray)) return undefined;
  const [imports, candidates, errors, calls, strings, computedImports, extras] = value as EncodedModule;
  const [pathChanges, unreached] = extras ?? [[], []];
  if (!imports.every(isEncodedImport) || !candidates.every(isCandidate) || !errors.every(isPosition)) return undefined;
  if (!calls.every(isString) || !strings.every(isString) || !computedImports.every(isIndex)) return undefined;
  if (extras !== undefined && (extras.length !== 2 || !Array.isArray(unreached) || !pathChanges.every(isPathChange) || !unreached.every(isUnreached))) return undefined;
  return {
    imports: imports.map(([module, level, names, line, flags, ignoredRules, fallbackFor, namedIn, versions]) => {
      const ref: ImportRef = { module, level, names, line, guarded: (flags & GUARDED) !== 0, dynamic: (flags & DYNAMIC) !== 0 };
      if (flags & BROAD) ref.guardKind = 'broad';
      else if (flags & CONDITION) ref.guardKind = 'condition';
      if (flags & MAIN_ONLY) ref.mainOnly = true;
      if (ignoredRules) ref.ignoredRules = ignoredRules;
      if (fallbackFor) ref.fallbackFor = fallbackFor;
      if (namedIn !== undefined && namedIn !== 0) ref.namedIn = namedIn;
      if (versions) ref.pythonVersions = { runs: versions[0], skips: versions[1], condition: versions[2] };
      return ref;
    }),
    dynamicCandidates: candidates.map(([value, line]) => ({ value, line })),
    syntaxErrors: errors.map(([line, column, message]) => (message === undefined ? { line, column } : { line, column, message })),
    calls,
    strings,
    ...(pathChanges.length > 0 ? { pathChanges } : {}),
    ...(unreached.length > 0 ? { unreached } : {}),
    computedImports,
  };
}

function isUnreached(v: unknown): v is UnreachedDefinition {
  if (typeof v !== 'object' || v === null) return false;
  const { name, lines, via } = v as Record<string, unknown>;
  return typeof name === 'string' && Array.isArray(via) && via.every(isString) && Array.isArray(lines) && lines.every(isPosition);
}

function isPathChange(v: unknown): v is PathChange {
  if (typeof v !== 'object' || v === null) return false;
  const { line, op, expr } = v as Record<string, unknown>;
  return typeof line === 'number' && (op === 'insert' || op === 'append') && (expr === null || isPathExpr(expr));
}

function isPathExpr(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  switch (v[0]) {
    case 'lit':
      return v.length === 2 && typeof v[1] === 'string';
    case 'file':
    case 'cwd':
      return v.length === 1;
    case 'dir':
      return v.length === 2 && isPathExpr(v[1]);
    case 'up':
      return v.length === 3 && isPathExpr(v[1]) && typeof v[2] === 'number';
    case 'join':
      return v.length === 2 && Array.isArray(v[1]) && v[1].every(isPathExpr);
    default:
      return false;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isIndex = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isCandidate = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';
const isPosition = (v: unknown): boolean =>
  Array.isArray(v) && (v.length === 2 || (v.length === 3 && typeof v[2] === 'string')) && typeof v[0] === 'number' && typeof v[1] === 'number';

function isEncodedImport(v: unknown): v is EncodedImport {
  // Entries of the older 5- and 6-element shape lack guard kinds and fallbacks: parse those files again.
  if (!Array.isArray(v) || v.length < 7 || v.length > 9) return false;
  const [module, level, names, line, flags, ignoredRules, fallbackFor, namedIn, versions] = v as unknown[];
  const isVersions = (x: unknown): boolean => Array.isArray(x) && x.length === 3 && typeof x[0] === 'number' && typeof x[1] === 'number' && typeof x[2] === 'string';
  return (
    (namedIn === undefined || typeof namedIn === 'string' || (namedIn === 0 && v.length === 9)) &&
    (versions === undefined || isVersions(versions)) &&
    typeof module === 'string' &&
    typeof level === 'number' &&
    Array.isArray(names) &&
    names.every(isString) &&
    typeof line === 'number' &&
    typeof flags === 'number' &&
    (ignoredRules === 0 || (Array.isArray(ignoredRules) && ignoredRules.every(isString))) &&
    (fallbackFor === 0 || (Array.isArray(fallbackFor) && fallbackFor.every((group) => Array.isArray(group) && group.every(isIndex))))
  );
}
