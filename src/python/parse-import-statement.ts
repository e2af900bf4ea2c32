/** The module part of one import, before context (line, guards) is attached. */
export interface ImportTarget {
  module: string;
  level: number;
  names: string[];
}

const NAME = String.raw`[\p{ID_Start}_][\p{ID_Continue}]*`;
const DOTTED = new RegExp(`^${NAME}(?:\\.${NAME})*$`, 'u');
const IDENTIFIER = new RegExp(`^${NAME}$`, 'u');
const FROM = /^from\s*([.\s]*)(\S*?)\s*\bimport\b([\s\S]*)$/;

/**
 * Reads the text of an `import …` or `from … import …` statement. Working on
 * the statement's text costs two native calls instead of one per child node,
 * and the grammar of these statements is small enough to read exactly
 * (inside them `#` can only start a comment: there are no strings).
 * Returns [] for text that is not a well-formed import (error recovery).
 */
export function parseImportStatement(statement: string): ImportTarget[] {
  const text = statement
    .replace(/#[^\n]*/g, '')
    .replace(/\\\r?\n/g, ' ')
    .replace(/[()]/g, ' ')
    .trim();
  if (text.startsWith('import')) return parsePlainImport(text.slice('import'.length));
  const from = FROM.exec(text);
  if (!from) return [];
  const level = (from[1] ?? '').replace(/\s/g, '').length;
  const module = from[2] ?? '';
  if (module !== '' && !DOTTED.test(module)) return [];
  if (level === 0 && module === '') return [];
  const names = parseImportedNames(from[3] ?? '');
  return names.length > 0 ? [{ module, level, names }] : [];
}

function parsePlainImport(list: string): ImportTarget[] {
  const targets: ImportTarget[] = [];
  for (const item of splitItems(list)) {
    const module = item[0];
    if (module === undefined || !DOTTED.test(module) || !isValidAlias(item)) continue;
    targets.push({ module, level: 0, names: [] });
  }
  return targets;
}

function parseImportedNames(list: string): string[] {
  if (list.trim() === '*') return ['*'];
  const names: string[] = [];
  for (const item of splitItems(list)) {
    const name = item[0];
    if (name !== undefined && IDENTIFIER.test(name) && isValidAlias(item)) names.push(name);
  }
  return names;
}

/** `a.b as c, d` → [['a.b', 'as', 'c'], ['d']]; tolerates the trailing comma of a parenthesised list. */
function splitItems(list: string): string[][] {
  return list
    .split(',')
    .map((item) => item.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

function isValidAlias(words: string[]): boolean {
  return words.length === 1 || (words.length === 3 && words[1] === 'as' && IDENTIFIER.test(words[2]!));
}
