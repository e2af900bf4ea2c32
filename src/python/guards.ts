import type { SyntaxNode } from './syntax-node.js';
import { isNameChar } from './called-name.js';
import { ALL_MINORS, TRUE, and, evaluateCondition, not, readModuleNames } from './evaluate-condition.js';

/** A half-open range of UTF-16 offsets in the source (what tree-sitter's Node binding reports). */
export interface Span {
  start: number;
  end: number;
}

export const isInside = (spans: readonly Span[], offset: number): boolean =>
  spans.some((span) => offset >= span.start && offset < span.end);

/**
 * How a failed (or skipped) import is caught: `import-error` (an `except
 * ImportError`/`ModuleNotFoundError` handler, `suppress(ImportError)`, a
 * Python-version branch: the import is optional), `broad` (`except
 * Exception`, a bare `except:`: error handling, not optionality),
 * `condition` (under `if os.path.exists(…)`: runs only when a file exists at
 * run time).
 */
export type GuardKind = 'import-error' | 'broad' | 'condition';

/** A span of code whose imports are guarded, and how. */
export interface GuardSpan extends Span {
  kind: GuardKind;
}

/** A `try:` whose handler runs when an import of its body fails: the handler's imports are its fallbacks. */
export interface TryFallback {
  body: Span;
  handler: Span;
}

const IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError']);
const BROAD = new Set(['Exception', 'BaseException']);
const EXCEPT_HEADER = /^except\s*\*?\s*([^:]*?)\s*(?:\bas\s+[\p{ID_Start}_][\p{ID_Continue}]*\s*)?:/u;
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/**
 * The `try:` bodies whose handlers catch a failed import, and the handlers
 * that then run. The first handler that catches an ImportError decides (a
 * later one is never reached): `except ImportError`, `ModuleNotFoundError`
 * or a tuple holding one of them makes the body `import-error`-guarded;
 * `except Exception`, `BaseException` or a bare `except:` makes it `broad`.
 * Imports in handlers, `else:` and `finally:` are not guarded: they run when
 * the body failed or finished. An `except ImportError` handler is a fallback
 * for its body's imports; a broad one only when the body holds nothing but
 * imports (otherwise anything in the body may have raised).
 */
export function findGuardedTryBodies(tryStatements: readonly SyntaxNode[]): { guarded: GuardSpan[]; fallbacks: TryFallback[] } {
  const guarded: GuardSpan[] = [];
  const fallbacks: TryFallback[] = [];
  for (const statement of tryStatements) {
    let body: SyntaxNode | undefined;
    let catching: { kind: GuardKind; clause: SyntaxNode } | undefined;
    for (const child of statement.namedChildren) {
      if (child.type === 'block' && !body) body = child;
      else if (child.type === 'except_clause' && !catching) {
        const kind = classifyHandler(child.text);
        if (kind) catching = { kind, clause: child };
      }
    }
    if (!body || !catching) continue;
    guarded.push({ start: body.startIndex, end: body.endIndex, kind: catching.kind });
    const handler = catching.clause.namedChildren.find((child) => child.type === 'block');
    const onlyImports = body.namedChildren.every((child) => IMPORTS.has(child.type) || child.type === 'comment');
    if (handler && (catching.kind === 'import-error' || onlyImports)) {
      fallbacks.push({ body: { start: body.startIndex, end: body.endIndex }, handler: { start: handler.startIndex, end: handler.endIndex } });
    }
  }
  return { guarded, fallbacks };
}

/** `with suppress(ImportError):` (contextlib) guards its body like a `try:`. */
export function findSuppressingWithBodies(withStatements: readonly SyntaxNode[], source: string): GuardSpan[] {
  const spans: GuardSpan[] = [];
  for (const statement of withStatements) {
    const body = statement.childForFieldName('body');
    if (!body) continue;
    const header = source.slice(statement.startIndex, body.startIndex);
    const suppressed = /\bsuppress\s*\(([^)]*)\)/.exec(header)?.[1];
    const kind = suppressed === undefined ? undefined : classifyCaught(suppressed);
    if (kind) spans.push({ start: body.startIndex, end: body.endIndex, kind });
  }
  return spans;
}

function classifyHandler(clause: string): GuardKind | undefined {
  const caught = EXCEPT_HEADER.exec(clause)?.[1];
  if (caught === undefined) return undefined;
  return caught === '' ? 'broad' : classifyCaught(caught);
}

/** `(ValueError, ImportError)` → import-error; `Exception` → broad; `KeyError` → not a guard. */
function classifyCaught(expression: string): GuardKind | undefined {
  const names = expression.match(/[\p{ID_Start}_][\p{ID_Continue}]*/gu) ?? [];
  if (names.some((name) => IMPORT_ERRORS.has(name))) return 'import-error';
  return names.some((name) => BROAD.has(name)) ? 'broad' : undefined;
}

/** The more optional guard wins: an ImportError handler anywhere around an import makes it optional. */
const GUARD_RANK: Record<GuardKind, number> = { broad: 1, condition: 2, 'import-error': 3 };

export function strongerGuard(a: GuardKind | undefined, b: GuardKind | undefined): GuardKind | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return GUARD_RANK[a] >= GUARD_RANK[b] ? a : b;
}

/** The guard of code at `offset`: the strongest of the spans around it. */
export function guardAt(spans: readonly GuardSpan[], offset: number): GuardKind | undefined {
  let guard: GuardKind | undefined;
  for (const span of spans) if (offset >= span.start && offset < span.end) guard = strongerGuard(guard, span.kind);
  return guard;
}

const CONDITION_MARKERS = ['__main__', 'TYPE_CHECKING', 'version_info', 'find_spec', 'lexists', 'exists', 'isfile', 'isdir', 'is_file', 'is_dir', 'environ', 'getenv', 'settings.', 'config.', 'platform', 'os.name', 'six.PY'];
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * `lexists` before `exists`, so that `os.path.lexists` is found as itself, at a word's start; and
 * the literal of `if False:` / `if 0:` (a literal is too common a word to be a marker anywhere).
 */
const CONDITION_MARKER_PATTERN = new RegExp(`${CONDITION_MARKERS.map(escapeRegExp).join('|')}|(?<=\\b(?:el)?if[ \\t(]+(?:not[ \\t]+)?)(?:False|True|0|1)\\b`, 'g');
/**
 * A condition that reads the deployment's settings (`if os.environ.get("USE_GEVENT"):`,
 * `if config.server_method.startswith("gevent"):`): whether its branch runs is decided where the
 * container is deployed, not in the image, so an import there is not proven to run.
 */
const READS_SETTINGS = /\b(?:os\.environ|environ\.get|getenv)\b|\b(?:settings|config)\.[A-Za-z_]/;
/** `if typing.TYPE_CHECKING:` puts the marker two levels below the if; comparisons a few more. */
const MAX_CLIMB = 6;
/** `__name__ == "__main__"`, either way round: the block of a module run as the program. */
const RUN_AS_MAIN = /^\s*(?:__name__\s*==\s*(['"])__main__\1|(['"])__main__\2\s*==\s*__name__)\s*$/;
const OS_PATH_CHECK = /\bpath\.(?:exists|lexists|isfile|isdir)\s*\(/;
/** `Path(...).exists()`; a bare `.exists()` is more often a query (`qs.exists()`), so a path must show in the condition. */
const PATHLIB_CHECK = /\.(?:exists|is_file|is_dir)\s*\(\s*\)/;
const MENTIONS_PATH = /\bPath\b|path|__file__|DIR\b|\/\s*["']|["'][^"'\n]*(?:\/|\.py)["']/;

/** A branch that runs on some Python versions only: `runs`/`skips` are masks of PYTHON_MINORS (see evaluate-condition.ts). */
export interface VersionSpan extends Span {
  runs: number;
  skips: number;
  /** The branch in words: `` `if sys.version_info >= (3, 11)` ``, `` the else of `if sys.version_info >= (3, 11)` ``. */
  condition: string;
}

/**
 * Sorts the branches of `if` statements by whether they run in the
 * container. A branch whose condition is decided without running the code
 * is judged (see evaluateCondition): a Windows or macOS branch, `if False:`
 * and `if TYPE_CHECKING:` never run (`skipped`), a Linux branch always does
 * (no span), a Python-version branch runs on some versions (`versioned`,
 * decided against the image's Python). Any other branch keeps a guard by
 * what its condition reads: both branches of `if find_spec("x") …:` are
 * optional (`import-error`), both branches of `if os.path.exists(…):` /
 * `Path(…).is_file()` run or not by a file that dockguard cannot see at run
 * time (`condition`), the `local_settings` pattern; so do both branches of a
 * test of the environment or of settings.
 */
export function findConditionalSpans(root: SyntaxNode, source: string): { skipped: Span[]; optional: GuardSpan[]; mainOnly: Span[]; versioned: VersionSpan[] } {
  const skipped: Span[] = [];
  const optional: GuardSpan[] = [];
  const mainOnly: Span[] = [];
  const versioned: VersionSpan[] = [];
  const seen = new Set<number>();
  const aliases = findAliases(source, /\bversion_info\b|\bfind_spec\b/);
  const judgedAliases = findAliases(source, /\bversion_info\b|\bfind_spec\b|\bplatform\b|\bos\.name\b|\bsix\.PY/);
  let names: Map<string, SyntaxNode> | undefined;
  const isOptionalTest = (text: string) => /\bversion_info\b|\bfind_spec\b/.test(text) || aliases.some((alias) => new RegExp(`\\b${alias}\\b`).test(text));
  // The markers are rare, so the text is searched and the tree asked only about each hit: a query
  // over every if statement cost more than parsing in files full of `if TYPE_CHECKING:` blocks.
  // One regex pass finds them all, three times faster than an indexOf loop per marker.
  const markers =
    judgedAliases.length === 0 ? CONDITION_MARKER_PATTERN : new RegExp(`${CONDITION_MARKER_PATTERN.source}|${judgedAliases.map((a) => `\\b${escapeRegExp(a)}\\b`).join('|')}`, 'g');
  markers.lastIndex = 0;
  for (let hit = markers.exec(source); hit !== null; hit = markers.exec(source)) {
    const at = hit.index;
    // Every test below needs the marker to begin a word (`acme_config.x` is no `config.`), and
    // asking the tree about each hit is the cost of this pass: skip hits inside a longer name.
    if (at > 0 && isNameChar(source.charCodeAt(at - 1))) continue;
    const statement = enclosingIf(root.descendantForIndex(at));
    if (!statement || seen.has(statement.startIndex)) continue;
    const branches = readBranches(statement);
    if (!branches.some(({ condition }) => condition && at >= condition.startIndex && at < condition.endIndex)) continue;
    seen.add(statement.startIndex);
    const first = branches[0]!.condition!.text;
    if (RUN_AS_MAIN.test(first)) {
      // Runs only when this file is the program itself; the else branch runs when it is imported.
      const consequence = branches[0]!.block;
      if (consequence) mainOnly.push(spanOf(consequence));
      continue;
    }
    names ??= readModuleNames(root);
    let before = TRUE;
    const tested: string[] = [];
    for (const { keyword, condition, block } of branches) {
      const value = condition ? and(before, evaluateCondition(condition, names)) : before;
      if (condition) {
        before = and(before, not(evaluateCondition(condition, names)));
        tested.push(condition.text);
      }
      if (!block) continue;
      const span = spanOf(block);
      if (value.no === ALL_MINORS) skipped.push(span);
      if (value.no === ALL_MINORS || value.yes === ALL_MINORS) continue;
      if (!value.opaque || value.yes !== 0 || value.no !== 0) {
        const words = condition ? `\`${keyword} ${condition.text}\`` : `the else of \`if ${first}\``;
        versioned.push({ ...span, runs: value.yes, skips: value.no, condition: words });
      }
      if (!value.opaque) continue;
      const text = tested.join(' ');
      if (isOptionalTest(text)) optional.push({ ...span, kind: 'import-error' });
      else if (OS_PATH_CHECK.test(text) || (PATHLIB_CHECK.test(text) && MENTIONS_PATH.test(text)) || READS_SETTINGS.test(text)) optional.push({ ...span, kind: 'condition' });
    }
  }
  return { skipped, optional, mainOnly, versioned };
}

const spanOf = (node: SyntaxNode): Span => ({ start: node.startIndex, end: node.endIndex });

/** The `if`, each `elif` and the `else` of an if statement, in order. */
function readBranches(statement: SyntaxNode): Array<{ keyword: 'if' | 'elif' | 'else'; condition: SyntaxNode | null; block: SyntaxNode | null }> {
  const branches: Array<{ keyword: 'if' | 'elif' | 'else'; condition: SyntaxNode | null; block: SyntaxNode | null }> = [
    { keyword: 'if', condition: statement.childForFieldName('condition'), block: statement.childForFieldName('consequence') },
  ];
  for (const clause of statement.childrenForFieldName('alternative')) {
    if (clause.type === 'elif_clause') branches.push({ keyword: 'elif', condition: clause.childForFieldName('condition'), block: clause.childForFieldName('consequence') });
    else if (clause.type === 'else_clause') branches.push({ keyword: 'else', condition: null, block: clause.childForFieldName('body') });
  }
  return branches;
}

/**
 * Module-level names that stand for what `mentions` tests, as vendored code
 * writes them (`py = sys.version_info`, `py3k = py >= (3, 0, 0)`, `PY2 =
 * sys.version_info[0] == 2`, `HAS_RICH = find_spec("rich") is not None`): a
 * test of one is a test of that. Read from the text, to a fixed point, since
 * each alias may build on another.
 */
function findAliases(source: string, mentions: RegExp): string[] {
  if (!mentions.test(source)) return [];
  const aliases: string[] = [];
  const assignment = /^([A-Za-z_]\w*)\s*=\s*(.+)$/gm;
  for (let grown = true; grown; ) {
    grown = false;
    for (const [, name, value] of source.matchAll(assignment)) {
      if (aliases.includes(name!)) continue;
      if (mentions.test(value!) || aliases.some((alias) => new RegExp(`\\b${alias}\\b`).test(value!))) {
        aliases.push(name!);
        grown = true;
      }
    }
  }
  return aliases;
}

function enclosingIf(node: SyntaxNode | null): SyntaxNode | undefined {
  // An `elif` condition sits in an elif_clause, one level below its if statement.
  for (let current = node, depth = 0; current && depth <= MAX_CLIMB; current = current.parent, depth++) {
    if (current.type === 'if_statement') return current;
  }
  return undefined;
}
