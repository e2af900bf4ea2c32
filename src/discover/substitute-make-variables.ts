import { GUESSED_ROOT_MARK, HERE_MARK, ROOT_MARK } from './expand-word.js';
import { findExpansionEnd } from './find-expansion-end.js';

/**
 * Expands make's `$(NAME)`/`${NAME}` (or just's `{{name}}`) for variables
 * assigned earlier in the file, before the recipe line is read as shell.
 * Unknown references are kept, so paths built from them stay unresolved.
 */
export function substituteMakeVariables(
  text: string,
  dialect: 'make' | 'just',
  vars: ReadonlyMap<string, string>,
): string {
  if (dialect === 'just') {
    return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (whole, name: string) => {
      if (name === 'justfile_directory()') return HERE_MARK;
      return vars.get(name) ?? whole;
    });
  }
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '$' && text[i + 1] === '$') {
      // `$$` is make's escape for a shell `$`.
      out += '$';
      i += 1;
    } else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const end = findExpansionEnd(text, i + 1);
      const inner = text.slice(i + 2, end).trim();
      out += expandMakeReference(inner, vars) ?? text.slice(i, end + 1);
      i = end;
    } else out += c;
  }
  return out;
}

function expandMakeReference(inner: string, vars: ReadonlyMap<string, string>): string | undefined {
  const known = vars.get(inner);
  if (known !== undefined) return known;
  if (inner === 'CURDIR') return HERE_MARK;
  if (/^shell\s+git\s+rev-parse\s+--show-toplevel$/.test(inner)) return ROOT_MARK;
  if (/^(?:ROOT|REPO_ROOT|ROOT_DIR|PROJECT_ROOT|TOP)$/.test(inner)) return GUESSED_ROOT_MARK;
  return undefined;
}
