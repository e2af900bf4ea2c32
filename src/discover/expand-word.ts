import { findExpansionEnd } from './find-expansion-end.js';

/**
 * Placeholders for what a build script's paths are anchored at. They cannot
 * occur in real text, so a path that still holds `$` after expansion, or a
 * placeholder anywhere but its start, is known to be unresolved.
 */
export const ROOT_MARK = '\u0000root\u0000';
/** A variable whose name only suggests the repository root: trusted only when the Dockerfile then exists. */
export const GUESSED_ROOT_MARK = '\u0000guessed-root\u0000';
/** The script's own folder (`$(dirname "$0")`, make's `$(CURDIR)`). */
export const HERE_MARK = '\u0000here\u0000';

const ROOT_COMMANDS = [/^git rev-parse --show-toplevel$/, /^shell git rev-parse --show-toplevel$/];
const HERE_COMMANDS = [
  /^(?:cd )?(?:\$\()?dirname \$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?\)?(?: ?(?:&&|;) ?pwd(?: -P)?)?$/,
  /^CURDIR$/,
  /^realpath \$\(dirname \$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?\)$/,
];
const ROOT_NAMES = /^(?:(?:REPO|GIT|PROJECT|MONOREPO|WORKSPACE|SRC)_?(?:ROOT|DIR|TOPLEVEL)|ROOT(?:_?DIR)?|TOP(?:_?DIR|LEVEL)?|\w+_ROOT|GITHUB_WORKSPACE|CI_PROJECT_DIR|WORKSPACE)$/i;
const HERE_NAMES = /^(?:SCRIPT_?DIR|SCRIPTS_?DIR|THIS_?DIR|HERE|CURDIR)$/i;

export type VariableLookup = (name: string) => string | undefined;

/**
 * Replaces the expansions of one word that can be known statically: the
 * given variables, well-known repository-root and script-folder idioms.
 * Anything else is left as written.
 */
export function expandWord(word: string, lookup: VariableLookup): string {
  let out = '';
  for (let i = 0; i < word.length; i += 1) {
    const c = word[i] as string;
    if (c === '$' && word[i + 1] === '(') {
      const end = findExpansionEnd(word, i + 1);
      const inner = normalizeCommand(word.slice(i + 2, end));
      out += expandCommand(inner) ?? word.slice(i, end + 1);
      i = end;
    } else if (c === '$' && word[i + 1] === '{') {
      const end = findExpansionEnd(word, i + 1);
      const inner = word.slice(i + 2, end);
      // `${name:-fallback}` / `${name-fallback}`: the value when there is one, else the fallback.
      const withDefault = /^(\w+):?-(.*)$/s.exec(inner);
      const name = withDefault ? (withDefault[1] as string) : inner;
      const known = /^\w+$/.test(name) ? expandName(name, lookup) : undefined;
      const fallback = withDefault && known === undefined ? expandWord(withDefault[2] as string, lookup) : undefined;
      out += known ?? (fallback !== undefined && !isUnresolved(fallback) ? fallback : undefined) ?? word.slice(i, end + 1);
      i = end;
    } else if (c === '$' && /[1-9]/.test(word[i + 1] ?? '')) {
      // A function's (or the script's) positional argument: known only inside a call.
      out += lookup(word[i + 1] as string) ?? `$${word[i + 1]}`;
      i += 1;
    } else if (c === '$' && /[A-Za-z_]/.test(word[i + 1] ?? '')) {
      const name = /^\w+/.exec(word.slice(i + 1))?.[0] as string;
      out += expandName(name, lookup) ?? `$${name}`;
      i += name.length;
    } else if (c === '`') {
      const close = word.indexOf('`', i + 1);
      const end = close < 0 ? word.length - 1 : close;
      out += expandCommand(normalizeCommand(word.slice(i + 1, end))) ?? word.slice(i, end + 1);
      i = end;
    } else out += c;
  }
  return out;
}

function normalizeCommand(command: string): string {
  return command.replace(/["']/g, '').replace(/\s+/g, ' ').trim();
}

function expandCommand(command: string): string | undefined {
  if (ROOT_COMMANDS.some((re) => re.test(command))) return ROOT_MARK;
  if (HERE_COMMANDS.some((re) => re.test(command))) return HERE_MARK;
  if (command === 'pwd') return '.';
  return undefined;
}

function expandName(name: string, lookup: VariableLookup): string | undefined {
  const known = lookup(name);
  if (known !== undefined) return known;
  if (name === 'PWD') return '.';
  if (HERE_NAMES.test(name)) return HERE_MARK;
  if (ROOT_NAMES.test(name)) return GUESSED_ROOT_MARK;
  return undefined;
}

/** True when the word still depends on something unknown (a variable, a command, a CI expression). */
export function isUnresolved(word: string): boolean {
  return /[$`]|\{\{/.test(word);
}
