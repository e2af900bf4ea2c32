import type { Parser } from './parser.js';

/** A half-open range of UTF-16 offsets in the source (what tree-sitter's Node binding reports). */
export interface Span {
  start: number;
  end: number;
}

export const isInside = (spans: readonly Span[], offset: number): boolean =>
  spans.some((span) => offset >= span.start && offset < span.end);

/** Handlers that make a failing import in the `try:` body non-fatal. */
const CATCHES_IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);
const EXCEPT_HEADER = /^except\s*\*?\s*([^:]*?)\s*(?:\bas\s+[\p{ID_Start}_][\p{ID_Continue}]*\s*)?:/u;

/**
 * The `try:` bodies whose handlers catch a failed import: `except ImportError`,
 * `ModuleNotFoundError`, `Exception`, `BaseException`, a tuple holding one of
 * them, or a bare `except:`. Imports in handlers, `else:` and `finally:` are
 * not covered: they run when the body failed or finished.
 */
export function findGuardedTryBodies(tryStatements: readonly Parser.SyntaxNode[]): Span[] {
  const spans: Span[] = [];
  for (const statement of tryStatements) {
    let body: Parser.SyntaxNode | undefined;
    let catchesImportErrors = false;
    for (const child of statement.namedChildren) {
      if (child.type === 'block' && !body) body = child;
      else if (child.type === 'except_clause') {
        catchesImportErrors ||= isImportErrorHandler(child.text);
      }
    }
    if (body && catchesImportErrors) spans.push({ start: body.startIndex, end: body.endIndex });
  }
  return spans;
}

/** `with suppress(ImportError):` (contextlib) guards its body like a `try:`. */
export function findSuppressingWithBodies(withStatements: readonly Parser.SyntaxNode[], source: string): Span[] {
  const spans: Span[] = [];
  for (const statement of withStatements) {
    const body = statement.childForFieldName('body');
    if (!body) continue;
    const header = source.slice(statement.startIndex, body.startIndex);
    const suppressed = /\bsuppress\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
    if (namesImportError(suppressed)) spans.push({ start: body.startIndex, end: body.endIndex });
  }
  return spans;
}

function isImportErrorHandler(clause: string): boolean {
  const caught = EXCEPT_HEADER.exec(clause)?.[1];
  if (caught === undefined) return false;
  return caught === '' || namesImportError(caught);
}

const namesImportError = (expression: string): boolean =>
  (expression.match(/[\p{ID_Start}_][\p{ID_Continue}]*/gu) ?? []).some((name) => CATCHES_IMPORT_ERRORS.has(name));

const CONDITION_MARKERS = ['TYPE_CHECKING', 'version_info'];
/** `if typing.TYPE_CHECKING:` puts the marker two levels below the if; comparisons a few more. */
const MAX_CLIMB = 6;
const TYPE_CHECKING = /^(?:[\p{ID_Start}_][\p{ID_Continue}]*\.)*TYPE_CHECKING$/u;

/**
 * Code under `if TYPE_CHECKING:` never runs (its `else:` does), so its imports
 * are dropped. Both branches of an `if sys.version_info …:` are optional:
 * only one runs, and which one depends on the interpreter.
 */
export function findConditionalSpans(root: Parser.SyntaxNode, source: string): { skipped: Span[]; optional: Span[] } {
  const skipped: Span[] = [];
  const optional: Span[] = [];
  const seen = new Set<number>();
  // The markers are rare, so the text is searched and the tree asked only about each hit: a query
  // over every if statement cost more than parsing in files full of `if TYPE_CHECKING:` blocks.
  for (const marker of CONDITION_MARKERS) {
    for (let at = source.indexOf(marker); at !== -1; at = source.indexOf(marker, at + marker.length)) {
      const statement = enclosingIf(root.descendantForIndex(at));
      const condition = statement?.childForFieldName('condition');
      if (!statement || !condition || at < condition.startIndex || at >= condition.endIndex || seen.has(statement.startIndex)) continue;
      seen.add(statement.startIndex);
      const text = condition.text;
      if (TYPE_CHECKING.test(text)) {
        const consequence = statement.childForFieldName('consequence');
        if (consequence) skipped.push({ start: consequence.startIndex, end: consequence.endIndex });
      } else if (/\bversion_info\b/.test(text)) optional.push({ start: statement.startIndex, end: statement.endIndex });
    }
  }
  return { skipped, optional };
}

function enclosingIf(node: Parser.SyntaxNode | null): Parser.SyntaxNode | undefined {
  for (let current = node, depth = 0; current && depth <= MAX_CLIMB; current = current.parent, depth++) {
    if (current.type === 'if_statement') return current;
  }
  return undefined;
}
