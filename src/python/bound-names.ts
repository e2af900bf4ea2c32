import { parseImportStatement, type ImportTarget } from './parse-import-statement.js';
import { withPythonTree, type SyntaxNode } from './parser.js';

/** The module-level names a Python module binds, read from its parse tree. */
export interface BoundNames {
  names: ReadonlySet<string>;
  /** `from m import *` statements: they bind whatever `m` binds. */
  starImports: ImportTarget[];
  /**
   * The module can bind names that cannot be read statically: a module
   * `__getattr__` (PEP 562), `globals()` / `setattr(` / `sys.modules[…]`, or a
   * changed `__path__`. Every name must then be taken as bound.
   */
  isOpaque: boolean;
}

/** Scopes of their own: only their name is bound in the module. */
const NEW_SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
/** Comprehension variables are local to the comprehension in Python 3. */
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const OPAQUE = /\bglobals\s*\(|\bsetattr\s*\(|\bsys\.modules\s*\[|\b__path__\b|\bvars\s*\(\s*\)|\bexec\s*\(/;

/**
 * Every name a module binds at module level, wherever the binding sits:
 * assignments (plain, annotated, augmented, unpacking, walrus), `def` and
 * `class`, imports (parenthesised over many lines or not), `for`/`with`/
 * `except … as` targets, `global` declarations inside functions, and
 * bindings under `if`, `try` and `with`, which may run. Names listed in
 * `__all__` count too: the module promises them.
 */
export function readBoundNames(source: string): BoundNames {
  const names = new Set<string>();
  const starImports: ImportTarget[] = [];
  let isOpaque = OPAQUE.test(source);
  const visit = (node: SyntaxNode): void => {
    switch (node.type) {
      case 'function_definition':
      case 'class_definition': {
        const name = node.childForFieldName('name')?.text;
        if (name !== undefined) names.add(name);
        if (name === '__getattr__' && node.type === 'function_definition' && isModuleLevel(node)) isOpaque = true;
        if (node.type === 'function_definition' && node.text.includes('global')) addGlobals(node, names);
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
        for (const target of parseImportStatement(node.text)) {
          if (target.names[0] === '*') starImports.push(target);
        }
        addImportedNames(node, names);
        return;
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
        addTargets(node.childForFieldName('left'), names);
        if (node.type === 'assignment' && node.childForFieldName('left')?.text === '__all__') addAllNames(node, names);
        break;
      case 'named_expression':
        addTargets(node.childForFieldName('name'), names);
        break;
      case 'as_pattern_target':
        addTargets(node.firstNamedChild, names);
        return;
      case 'global_statement':
        for (const child of node.namedChildren) names.add(child.text);
        return;
      default:
        if (NEW_SCOPES.has(node.type) || COMPREHENSIONS.has(node.type)) return;
    }
    for (const child of node.namedChildren) visit(child);
  };
  withPythonTree(source, visit);
  return { names, starImports, isOpaque };
}

const isModuleLevel = (node: SyntaxNode): boolean => {
  for (let p = node.parent; p; p = p.parent) if (NEW_SCOPES.has(p.type)) return false;
  return true;
};

function addImportedNames(statement: SyntaxNode, names: Set<string>): void {
  const isFrom = statement.type === 'import_from_statement';
  for (const child of statement.childrenForFieldName('name')) {
    const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : undefined;
    const dotted = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
    if (alias !== undefined) names.add(alias);
    // `import a.b` binds `a`; `from m import a` binds `a`.
    else if (dotted !== undefined) names.add(isFrom ? dotted : dotted.split('.')[0]!);
  }
}

/** Identifiers a target binds; `a.b = …` and `a[0] = …` bind nothing new. */
function addTargets(target: SyntaxNode | null, names: Set<string>): void {
  if (!target) return;
  if (target.type === 'identifier') names.add(target.text);
  else if (target.type !== 'attribute' && target.type !== 'subscript') {
    for (const child of target.namedChildren) addTargets(child, names);
  }
}

function addAllNames(assignment: SyntaxNode, names: Set<string>): void {
  for (const string of assignment.childForFieldName('right')?.descendantsOfType('string_content') ?? []) {
    names.add(string.text);
  }
}

function addGlobals(fn: SyntaxNode, names: Set<string>): void {
  for (const statement of fn.descendantsOfType('global_statement')) {
    for (const child of statement.namedChildren) names.add(child.text);
  }
}
