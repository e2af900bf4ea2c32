/** Words that can stand before `(` without naming a called function. */
const KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'case', 'class', 'del', 'elif', 'else', 'except', 'for', 'from', 'if',
  'import', 'in', 'is', 'lambda', 'match', 'not', 'or', 'raise', 'return', 'while', 'with', 'yield',
]);

/** A UTF-16 code unit that may belong to a Python name (any non-ASCII one counts, conservatively). */
export const isNameChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127;

/**
 * The name a call's argument list belongs to, read backwards from its `(`:
 * `client.query(sql).to_dataframe()` → `to_dataframe` for the last list.
 * Reading the text instead of asking the tree for the callee saves two
 * native calls per call site, the bulk of extraction time after parsing.
 * Undefined when the callee is not a name (`handlers[0]()`, `(f)()`) and for
 * the bases list of `class Name(Base):`, which the grammar shares with calls.
 */
export function readCalledName(source: string, openParen: number): string | undefined {
  let end = openParen;
  while (end > 0 && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && isNameChar(source.charCodeAt(start - 1))) start--;
  if (start === end || !/^[\p{ID_Start}_]/u.test(source[start]!)) return undefined;
  const name = source.slice(start, end);
  if (KEYWORDS.has(name)) return undefined;
  let before = start;
  while (before > 0 && (source[before - 1] === ' ' || source[before - 1] === '\t')) before--;
  const afterClass = source.slice(Math.max(0, before - 5), before) === 'class' && !isNameChar(source.charCodeAt(before - 6));
  return afterClass ? undefined : name;
}
