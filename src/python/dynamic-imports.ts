import type { SyntaxNode } from './syntax-node.js';
import { readStringLiteral } from './read-string-literal.js';
import type { ImportTarget } from './parse-import-statement.js';

/** Functions that import the module named by their first argument (`runpy.run_module` runs it as `__main__`). */
export const DYNAMIC_IMPORT_FUNCTIONS = new Set(['import_module', '__import__', 'run_module']);

const MODULE_PATH = /^\.*[\p{ID_Start}_][\p{ID_Continue}]*(?:\.[\p{ID_Start}_][\p{ID_Continue}]*)*$/u;
const DOTTED_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const ENTRY_POINT = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*):[A-Za-z_][A-Za-z0-9_.]*$/;

export type DynamicImport =
  | { kind: 'literal'; target: ImportTarget; offset: number; line: number }
  | { kind: 'computed' };

/**
 * Reads `import_module("a.b")`, `importlib.import_module(".m", "pkg")` and
 * `__import__("a")` from the call's argument list. A leading-dot literal is
 * taken relative to the calling module's package, which is what the
 * `package` argument nearly always is. Anything but a plain string literal
 * as the module name makes the call `computed`.
 */
export function readDynamicImport(argumentList: SyntaxNode): DynamicImport | undefined {
  const first = argumentList.firstNamedChild;
  if (!first) return undefined;
  const argument = isNameKeyword(first) ? first.childForFieldName('value') : first;
  const value = argument?.type === 'string' ? readStringLiteral(argument.text) : undefined;
  if (value === undefined || !MODULE_PATH.test(value)) return { kind: 'computed' };
  const module = value.replace(/^\.+/, '');
  const level = value.length - module.length || readImportLevel(argumentList);
  if (level === undefined) return { kind: 'computed' };
  const target = { module, level, names: [] };
  return { kind: 'literal', target, offset: argumentList.startIndex, line: argumentList.startPosition.row + 1 };
}

/**
 * The `level` of `__import__(name, globals, locals, fromlist, level)`, fifth
 * positional or keyword: `__import__("_app", globals(), locals(), ["."], 1)`
 * is pypiserver's `from . import _app`. 0 when absent; undefined when it is
 * not a literal (a level computed at run time).
 */
function readImportLevel(argumentList: SyntaxNode): number | undefined {
  const args = argumentList.namedChildren.filter((n) => n.type !== 'comment');
  const keyword = args.find((n) => n.type === 'keyword_argument' && n.childForFieldName('name')?.text === 'level');
  const positional = args.filter((n) => n.type !== 'keyword_argument');
  const node = keyword?.childForFieldName('value') ?? positional[4];
  if (node === undefined) return 0;
  return node.type === 'integer' && /^\d+$/.test(node.text) ? Number(node.text) : undefined;
}

const isNameKeyword = (node: SyntaxNode): boolean =>
  node.type === 'keyword_argument' && node.childForFieldName('name')?.text === 'name';

/**
 * The module a string literal may name when a module imports by computed
 * name: `"pkg.handlers.email"`, or the module part of `"pkg.app:create_app"`.
 * Single identifiers are not taken: almost every short string would match.
 */
export function readModuleCandidate(value: string): string | undefined {
  if (DOTTED_PATH.test(value)) return value;
  return ENTRY_POINT.exec(value)?.[1];
}
