import type { ImportRef, ParsedModule, PathChange } from '../types.js';
import { findAlternativeBackends } from './alternative-backends.js';
import { isSysPathCall, readPathChanges } from './path-changes.js';
import { findPathAssignments } from './path-assignments.js';
import { findUnreachedDefinitions } from './unreached-definitions.js';
import { isNameChar, readCalledName } from './called-name.js';
import { readImportBindings } from './import-bindings.js';
import { DYNAMIC_IMPORT_FUNCTIONS, readDynamicImport } from './dynamic-imports.js';
import {
  findConditionalSpans,
  findGuardedTryBodies,
  findSuppressingWithBodies,
  guardAt,
  strongerGuard,
  isInside,
  type GuardSpan,
  type TryFallback,
  type VersionSpan,
} from './guards.js';
import { findIgnoreComments, rulesIgnoredOn } from './ignore-comments.js';
import { parseImportStatement, type ImportTarget } from './parse-import-statement.js';
import { nodeStart, withPythonTree, type SyntaxNode } from './parser.js';
import { recoverImportsFromErrors } from './recover-imports.js';
import { findStringFacts } from './string-facts.js';
import { findNestingLimit } from './nesting-limits.js';
import { findDjangoSettingReferences, importsDjangoInclude, readIncludeReference, readSettingsDefault, type DjangoReference } from './django-references.js';
import { findSyntaxErrors } from './syntax-errors.js';

/**
 * The only node kinds brought into JS, in one native walk: marshalling nodes
 * is the expensive part, and a tree-sitter Query over the same tree costs
 * twice this walk. `from __future__ import …` is its own kind, never listed.
 * A call is seen through its argument list (or the bare generator in
 * `any(x for x in xs)`), whose `(` locates the called name.
 */
const WANTED = [
  'import_statement',
  'import_from_statement',
  'try_statement',
  'argument_list',
  'generator_expression',
  'print_statement',
  'exec_statement',
];

/** A found import before guards and ignore comments are applied. */
interface Located {
  target: ImportTarget;
  /** Set for a module a Django setting or `include()` names (see django-references.ts). */
  namedIn?: string;
  /** A Django setting under a module-level `if`: loaded only when the branch runs. */
  conditional?: boolean;
  offset: number;
  firstRow: number;
  lastRow: number;
}

/**
 * Parses one Python module and reads what the analysis needs from it. Never
 * throws on bad syntax. The tree is dropped on return, but with the native
 * engine its memory is freed only by finalizers that run on the event loop: a
 * caller looping over many files must yield now and then
 * (`await new Promise(setImmediate)`), or use the parse pool, which does.
 */
export function extractImports(source: string): ParsedModule {
  return withPythonTree(source, (root) => readModule(root, source));
}

function readModule(root: SyntaxNode, source: string): ParsedModule {
  const tries: SyntaxNode[] = [];
  const withs: SyntaxNode[] = [];
  const python2: SyntaxNode[] = [];
  const callSites: Array<[name: string, receiver: string | undefined]> = [];
  const bindings = new Map<string, string>();
  const found: Located[] = [];
  const pathChanges: PathChange[] = [];
  const computedImports: number[] = [];
  const includes: SyntaxNode[] = [];
  const settingsDefaults: DjangoReference[] = [];
  const wanted = source.includes('suppress') ? [...WANTED, 'with_statement'] : WANTED;
  for (const node of root.descendantsOfType(wanted)) {
    const type = node.type;
    if (type === 'argument_list' || type === 'generator_expression') {
      const at = nodeStart(node).offset;
      const called = readCalledName(source, at);
      if (called === undefined) continue;
      callSites.push([called, readReceiver(source, at, called)]);
      if (type === 'argument_list') {
        if (called === 'include') includes.push(node);
        const settings = readSettingsDefault(node, called);
        if (settings) settingsDefaults.push(settings);
      }
      if (isSysPathCall(source, at, called)) pathChanges.push(...readPathChanges(node, called, root));
      if (!DYNAMIC_IMPORT_FUNCTIONS.has(called)) continue;
      const dynamic = readDynamicImport(node);
      if (dynamic?.kind === 'computed') computedImports.push(node.startPosition.row + 1);
      else if (dynamic) {
        const row = dynamic.line - 1;
        found.push({ target: dynamic.target, offset: dynamic.offset, firstRow: row, lastRow: row });
      }
    } else if (type === 'try_statement') tries.push(node);
    else if (type === 'with_statement') withs.push(node);
    else if (type === 'print_statement' || type === 'exec_statement') python2.push(node);
    else {
      const statement = readStatement(node, source);
      found.push(...statement);
      if (statement[0]) for (const [local, qualified] of readImportBindings(source.slice(statement[0].offset, node.endIndex))) bindings.set(local, qualified);
    }
  }
  if (source.includes('sys.path')) {
    pathChanges.push(...findPathAssignments(root, source));
    pathChanges.sort((a, b) => a.line - b.line);
  }
  const calls = qualifyCalls(callSites, bindings);
  found.push(...findDjangoReferences(root, source, found, includes, settingsDefaults));
  const syntax = findSyntaxErrors(root, python2);
  const limit = findNestingLimit(source);
  const syntaxErrors = limit ? [...syntax.sites, limit].sort((a, b) => a.line - b.line || a.column - b.column) : syntax.sites;
  found.push(...recoverImportsFromErrors(source, syntax.errorSpans, found));
  const strings = findStringFacts(root, source, computedImports.length > 0);
  const tryGuards = findGuardedTryBodies(tries);
  const guarded = [...tryGuards.guarded, ...findSuppressingWithBodies(withs, source)];
  const imports = applyContext(found, root, source, guarded, tryGuards.fallbacks);
  // Only an indented import can sit in a function; most modules have none, and skip the walk over top-level nodes.
  const indented = found.some(({ offset }) => offset > 0 && (source[offset - 1] === ' ' || source[offset - 1] === '\t'));
  const unreached = indented ? findUnreachedDefinitions(root, source, imports.map((ref) => ref.line)) : undefined;
  return {
    imports,
    dynamicCandidates: strings.moduleCandidates,
    computedImports,
    syntaxErrors,
    calls,
    strings: strings.usageStrings,
    ...(pathChanges.length > 0 ? { pathChanges } : {}),
    ...(unreached && unreached.length > 0 ? { unreached } : {}),
  };
}

/** Modules Django imports by name: settings entries, and `include()` in a URL configuration that imports it from Django. */
function findDjangoReferences(
  root: SyntaxNode,
  source: string,
  found: readonly Located[],
  includes: readonly SyntaxNode[],
  settingsDefaults: readonly DjangoReference[],
): Located[] {
  const references = [...findDjangoSettingReferences(root, source), ...settingsDefaults];
  if (includes.length > 0 && importsDjangoInclude(found.map((f) => f.target))) {
    for (const node of includes) {
      const reference = readIncludeReference(node);
      if (reference) references.push(reference);
    }
  }
  return references.map(({ target, offset, row, namedIn, conditional }) => ({ target, offset, firstRow: row, lastRow: row, namedIn, conditional }));
}

function readStatement(statement: SyntaxNode, source: string): Located[] {
  const { offset, row: firstRow } = nodeStart(statement);
  const text = source.slice(offset, statement.endIndex);
  const lastRow = firstRow + countNewlines(text);
  return parseImportStatement(text).map((target) => ({ target, offset, firstRow, lastRow }));
}

function applyContext(
  found: Located[],
  root: SyntaxNode,
  source: string,
  guarded: readonly GuardSpan[],
  fallbacks: readonly TryFallback[],
): ImportRef[] {
  const { skipped, optional, mainOnly, versioned } = findConditionalSpans(root, source);
  const guards = [...guarded, ...optional, ...findAlternativeBackends(root, source)];
  const ignores = findIgnoreComments(root, source);
  const imports: ImportRef[] = [];
  const offsets: number[] = [];
  for (const { target, offset, firstRow, lastRow, namedIn, conditional } of found.sort((a, b) => a.offset - b.offset)) {
    if (isInside(skipped, offset)) continue;
    const guard = strongerGuard(guardAt(guards, offset), conditional ? 'condition' : undefined);
    const ref: ImportRef = { ...target, line: firstRow + 1, guarded: guard !== undefined, dynamic: false };
    if (namedIn !== undefined) ref.namedIn = namedIn;
    if (guard === 'broad' || guard === 'condition') ref.guardKind = guard;
    if (isInside(mainOnly, offset)) ref.mainOnly = true;
    const versions = versionsAt(versioned, offset);
    if (versions) ref.pythonVersions = versions;
    const ignoredRules = rulesIgnoredOn(ignores, firstRow, lastRow);
    if (ignoredRules) ref.ignoredRules = ignoredRules;
    imports.push(ref);
    offsets.push(offset);
  }
  linkFallbacks(imports, offsets, fallbacks);
  return imports;
}

/** Marks each import of an ImportError handler with the body imports whose failure makes it run. */
function linkFallbacks(imports: ImportRef[], offsets: readonly number[], fallbacks: readonly TryFallback[]): void {
  for (const { body, handler } of fallbacks) {
    // An import inside a nested try whose own handler catches its failure cannot make this body fail
    // (`try: try: import a` / `except ImportError: import b` / `except ImportError: …`): only b can.
    const inner = fallbacks.filter((f) => f.body.start >= body.start && f.body.end <= body.end && f.body !== body);
    const isCaughtInside = (offset: number) => inner.some((f) => offset >= f.body.start && offset < f.body.end);
    const bodyImports = offsets.flatMap((offset, i) => (offset >= body.start && offset < body.end && !isCaughtInside(offset) ? [i] : []));
    if (bodyImports.length === 0) continue;
    offsets.forEach((offset, i) => {
      if (offset < handler.start || offset >= handler.end) return;
      const ref = imports[i]!;
      ref.fallbackFor = [...(ref.fallbackFor ?? []), bodyImports];
    });
  }
}

/** The Python versions on which every version branch around `offset` runs (or is skipped); the innermost branch names the condition. */
function versionsAt(spans: readonly VersionSpan[], offset: number): ImportRef['pythonVersions'] {
  let inner: VersionSpan | undefined;
  let runs = -1;
  let skips = 0;
  for (const span of spans) {
    if (offset < span.start || offset >= span.end) continue;
    runs &= span.runs;
    skips |= span.skips;
    if (!inner || span.start > inner.start) inner = span;
  }
  return inner && { runs, skips, condition: inner.condition };
}

/**
 * `pd.read_parquet(` → `pd`; `read_parquet(` → '' (no receiver); anything
 * longer before the name (`a.b.f(`, `x().f(`) → undefined.
 */
function readReceiver(source: string, openParen: number, called: string): string | undefined {
  let end = openParen;
  while (end > 0 && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  let at = end - called.length;
  if (source[at - 1] !== '.') return '';
  at--;
  const stop = at;
  while (at > 0 && isNameChar(source.charCodeAt(at - 1))) at--;
  if (at === stop || source[at - 1] === '.' || source[at - 1] === ')' || source[at - 1] === ']') return undefined;
  return source.slice(at, stop);
}

/**
 * The names the module calls, for the usage rules. A call of what an import
 * binds is named by what it stands for, and only so: `pd.read_parquet(` is
 * `pandas.read_parquet`, `pl.read_parquet(` is `polars.read_parquet`, and
 * `File(` after `from .models import File` is `.models.File`, none of them a
 * bare `read_parquet` or `File` that a rule about another library would take
 * for its own. A method of an object (`df.to_parquet(`) keeps its bare name.
 */
function qualifyCalls(sites: ReadonlyArray<[string, string | undefined]>, bindings: ReadonlyMap<string, string>): string[] {
  const calls = new Set<string>();
  for (const [name, receiver] of sites) {
    const bound = receiver === '' ? bindings.get(name) : receiver === undefined ? undefined : bindings.get(receiver);
    calls.add(bound === undefined ? name : receiver === '' ? bound : `${bound}.${name}`);
  }
  return [...calls];
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
