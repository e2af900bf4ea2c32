import type { ImportTarget } from './parse-import-statement.js';
import { nodeStart, type SyntaxNode } from './parser.js';
import { readStringLiteral } from './read-string-literal.js';

/**
 * Django settings whose values name modules Django imports itself: every
 * INSTALLED_APPS entry and the middleware when the application is created,
 * the URL configuration on the first request (django/apps/registry.py,
 * django/core/handlers/base.py, django/urls/resolvers.py). A missing one
 * crashes the service as surely as an import statement.
 */
const MODULE_SETTINGS = new Set(['INSTALLED_APPS', 'MIDDLEWARE', 'MIDDLEWARE_CLASSES', 'ROOT_URLCONF', 'WSGI_APPLICATION', 'ASGI_APPLICATION']);
const MENTIONS_SETTING = /\b(?:INSTALLED_APPS|MIDDLEWARE(?:_CLASSES)?|ROOT_URLCONF|WSGI_APPLICATION|ASGI_APPLICATION)\b/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Module-level statements a setting may sit in: the branches of an `if` or `try` still run at import. */
const COMPOUND = new Set(['if_statement', 'else_clause', 'elif_clause', 'try_statement', 'except_clause', 'finally_clause', 'block', 'with_statement']);
const BRANCH = new Set(['if_statement', 'else_clause', 'elif_clause']);

/** A module a Django setting or `include()` names, where the string literal is. */
export interface DjangoReference {
  target: ImportTarget;
  offset: number;
  row: number;
  /** The setting (`INSTALLED_APPS`…) or `include()`. */
  namedIn: string;
  /**
   * Set inside a module-level `if`: settings branch on values decided where
   * the service is deployed (`if DEBUG:`, an environment variable), so the
   * entry is not proven to be loaded.
   */
  conditional: boolean;
}

/**
 * The modules a settings module names in the settings above, at module
 * level (plain or augmented assignment of a string, or of a list or tuple of
 * strings). An entry `a.b.C` is imported as Django does: the module `a.b.C`
 * if there is one, else `C` from `a.b` (an AppConfig or a middleware class),
 * which is what `from a.b import C` resolves; a plain name is `import name`.
 */
export function findDjangoSettingReferences(root: SyntaxNode, source: string): DjangoReference[] {
  if (!MENTIONS_SETTING.test(source)) return [];
  const found: Found = { references: [], rewritten: new Set(), lists: new Map() };
  const visit = (node: SyntaxNode, conditional: boolean): void => {
    for (const child of node.namedChildren) {
      if (COMPOUND.has(child.type)) visit(child, conditional || BRANCH.has(child.type));
      else if (child.type === 'delete_statement') markDeleted(child, found.rewritten);
      else if (child.type === 'expression_statement') {
        const statement = child.firstNamedChild;
        if (statement?.type === 'assignment' || statement?.type === 'augmented_assignment') readAssignment(statement, conditional, found);
        else if (statement?.type === 'call') readListCall(statement, conditional, found);
      }
    }
  };
  visit(root, false);
  // A list this module also filters or rebuilds (`INSTALLED_APPS.remove("debug_toolbar")`) may not hold an entry it lists.
  return found.references.map((reference) => (found.rewritten.has(reference.namedIn) ? { ...reference, conditional: true } : reference));
}

/** Module-level lists bound to other names (`THIRD_PARTY_APPS = [...]`), for `INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS`. */
type NamedLists = Map<string, Array<{ value: SyntaxNode; conditional: boolean }>>;

interface Found {
  references: DjangoReference[];
  rewritten: Set<string>;
  lists: NamedLists;
}

function readAssignment(assignment: SyntaxNode, conditional: boolean, found: Found): void {
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (!left || !right || left.type !== 'identifier') return;
  const isList = right.type === 'list' || right.type === 'tuple';
  if (!MODULE_SETTINGS.has(left.text)) {
    const entries = isList ? right.namedChildren.map((value) => ({ value, conditional })) : [];
    const before = found.lists.get(left.text);
    if (isList && assignment.type === 'assignment') found.lists.set(left.text, entries);
    else if (isList && before) before.push(...entries);
    else found.lists.delete(left.text);
    return;
  }
  const operands = right.type === 'binary_operator' ? concatenated(right) : [right];
  // `INSTALLED_APPS = INSTALLED_APPS + [...]` (or a comprehension over it) builds on the list so far; any other unconditional `=` replaces it.
  const buildsOnItself = new RegExp(`\\b${left.text}\\b`).test(right.text);
  if (assignment.type === 'assignment' && !buildsOnItself && !conditional) {
    found.references = found.references.filter((reference) => reference.namedIn !== left.text);
    found.rewritten.delete(left.text);
  }
  for (const operand of operands) {
    if (operand.type === 'identifier' && operand.text === left.text) continue;
    const literal = operand.type === 'list' || operand.type === 'tuple' ? operand.namedChildren : operand.type === 'string' ? [operand] : undefined;
    const entries = literal?.map((value) => ({ value, conditional: false })) ?? (operand.type === 'identifier' ? found.lists.get(operand.text) : undefined);
    if (entries === undefined) {
      found.rewritten.add(left.text);
      continue;
    }
    for (const entry of entries) {
      const reference = readReference(entry.value, left.text);
      if (reference) found.references.push({ ...reference, conditional: conditional || entry.conditional });
    }
  }
}

/** The operands of `a + b + [...]`, left to right; anything but `+` is one operand (unreadable). */
function concatenated(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'parenthesized_expression' && node.firstNamedChild) return concatenated(node.firstNamedChild);
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.text !== '+') return [node];
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return left && right ? [...concatenated(left), ...concatenated(right)] : [node];
}

/** `INSTALLED_APPS.append("x")` / `.insert(0, "x")` / `.extend([...])` add entries; `.remove`, `.pop`, `.clear` take some away. */
function readListCall(call: SyntaxNode, conditional: boolean, found: Found): void {
  const callee = call.childForFieldName('function');
  const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  const method = callee?.childForFieldName('attribute')?.text;
  if (object?.type !== 'identifier' || !MODULE_SETTINGS.has(object.text) || method === undefined) return;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const added = method === 'append' ? args.slice(0, 1) : method === 'insert' ? args.slice(1, 2) : method === 'extend' ? (args[0]?.namedChildren ?? []) : undefined;
  if (added === undefined) {
    found.rewritten.add(object.text);
    return;
  }
  for (const value of added) {
    const reference = readReference(value, object.text);
    if (reference) found.references.push({ ...reference, conditional });
  }
}

function markDeleted(statement: SyntaxNode, rewritten: Set<string>): void {
  for (const setting of MODULE_SETTINGS) if (new RegExp(`\\b${setting}\\b`).test(statement.text)) rewritten.add(setting);
}

/** What a module names when it picks the settings itself: `os.environ.setdefault("DJANGO_SETTINGS_MODULE", …)`. */
export const SETTINGS_DEFAULT = 'DJANGO_SETTINGS_MODULE';

/**
 * `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`, as
 * every `wsgi.py`, `asgi.py` and `manage.py` Django generates has: the
 * settings module Django loads when the deployment does not set the variable.
 */
export function readSettingsDefault(argumentList: SyntaxNode, called: string): DjangoReference | undefined {
  // The called name is the last one (`setdefault`); only the environment is given this variable.
  if (called !== 'setdefault') return undefined;
  const [name, value] = argumentList.namedChildren;
  if (name?.type !== 'string' || value?.type !== 'string' || readStringLiteral(name.text) !== SETTINGS_DEFAULT) return undefined;
  const module = readStringLiteral(value.text);
  if (module === undefined || !DOTTED.test(module)) return undefined;
  const { offset, row } = nodeStart(value);
  return { target: { module, level: 0, names: [] }, offset, row, namedIn: SETTINGS_DEFAULT, conditional: false };
}

/** `include("app.urls")` in a URL configuration that imports `include` from Django: the module itself. */
export function readIncludeReference(argumentList: SyntaxNode): DjangoReference | undefined {
  const first = argumentList.firstNamedChild;
  if (first?.type !== 'string') return undefined;
  const value = readStringLiteral(first.text);
  if (value === undefined || !DOTTED.test(value)) return undefined;
  const { offset, row } = nodeStart(first);
  return { target: { module: value, level: 0, names: [] }, offset, row, namedIn: 'include()', conditional: false };
}

export const importsDjangoInclude = (targets: readonly ImportTarget[]): boolean =>
  targets.some((t) => t.level === 0 && (t.module === 'django.urls' || t.module === 'django.conf.urls') && t.names.includes('include'));

function readReference(value: SyntaxNode, setting: string): Omit<DjangoReference, 'conditional'> | undefined {
  if (value.type !== 'string') return undefined;
  const text = readStringLiteral(value.text);
  if (text === undefined || !DOTTED.test(text)) return undefined;
  const dot = text.lastIndexOf('.');
  // ROOT_URLCONF names a module; *_APPLICATION an attribute of one; the others a module, or a class of one.
  const whole = dot === -1 || setting === 'ROOT_URLCONF';
  const target: ImportTarget = whole ? { module: text, level: 0, names: [] } : { module: text.slice(0, dot), level: 0, names: [text.slice(dot + 1)] };
  const { offset, row } = nodeStart(value);
  return { target, offset, row, namedIn: setting };
}
