import type { GuardSpan } from './guards.js';
import type { SyntaxNode } from './syntax-node.js';

/**
 * Methods of interchangeable backends: two or more top-level classes of one
 * module, on the same base class, that each define the same method and
 * import in it (bottle's `ServerAdapter.run` of CherryPy, Waitress, Gevent…;
 * a template engine's `prepare`; a storage backend's `connect`). The
 * program picks one at run time, from its settings, so no one of those
 * imports is proven to run: each is guarded as a run-time `condition`. A
 * first-party module one of them needs and the image lacks stays an error
 * under the guard policy; a third-party one is a warning.
 */
export function findAlternativeBackends(root: SyntaxNode, source: string): GuardSpan[] {
  // Two backends take two top-level classes with a base: most modules have none, and their tree is not walked.
  if ((source.match(/^class\s+\w+\s*\(/gm)?.length ?? 0) < 2) return [];
  // A class none of whose text says `import` holds no backend method: most classes are skipped
  // without asking the tree for their members, each of which is a native call.
  const importWords = [...source.matchAll(/\bimport\b/g)].map((match) => match.index);
  const saysImport = (node: SyntaxNode): boolean => {
    const start = node.startIndex;
    const end = node.endIndex;
    return importWords.some((offset) => offset >= start && offset < end);
  };
  const byRole = new Map<string, Array<{ owner: string; start: number; end: number }>>();
  for (const statement of root.namedChildren) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'class_definition' || !saysImport(definition)) continue;
    const bases = definition.childForFieldName('superclasses')?.text;
    const owner = definition.childForFieldName('name')?.text;
    const body = definition.childForFieldName('body');
    if (!bases || bases === '()' || !owner || !body) continue;
    for (const member of body.namedChildren) {
      const method = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      if (method?.type !== 'function_definition' || !/\bimport\b/.test(method.text)) continue;
      const role = `${bases}\0${method.childForFieldName('name')?.text ?? ''}`;
      byRole.set(role, [...(byRole.get(role) ?? []), { owner, start: method.startIndex, end: method.endIndex }]);
    }
  }
  const spans: GuardSpan[] = [];
  for (const methods of byRole.values()) {
    if (new Set(methods.map((m) => m.owner)).size < 2) continue;
    for (const { start, end } of methods) spans.push({ start, end, kind: 'condition' });
  }
  return spans;
}
