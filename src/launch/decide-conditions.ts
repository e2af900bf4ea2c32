import { joinParts, readWord } from '../shell/read-word.js';
import type { ConditionPart, ShellCondition } from '../shell/shell-command.js';
import type { ImagePath } from '../types.js';
import { resolveImagePath } from './image-paths.js';

/** What is known where a command of a script runs. */
export interface ConditionScope {
  /** Variables whose value is known: the image's ENV, the deployment's environment, the script's own assignments. */
  env: Record<string, string>;
  positional: readonly string[];
  scriptName: string;
  cwd: ImagePath;
  hasFile: (p: ImagePath) => boolean;
  hasDir: (p: ImagePath) => boolean;
}

/** A command's conditions: one known false skips it; the ones that cannot be decided are named. */
export type Decision = { runs: false } | { runs: true; unsure: string[] };

type Tri = boolean | undefined;

export function decideConditions(conditions: readonly ShellCondition[] | undefined, scope: ConditionScope): Decision {
  const unsure: string[] = [];
  for (const condition of conditions ?? []) {
    const value = evaluateCondition(condition, scope);
    if (value === false) return { runs: false };
    if (value === undefined) unsure.push(describeCondition(condition));
  }
  return { runs: true, unsure };
}

/** `[ -n "$DEBUG" ] holds`, `case "$1" matches serve|run`: how a condition reads to a user. */
export function describeCondition(c: ShellCondition): string {
  if (c.kind === 'case') return `case ${c.subject} ${c.matches ? 'matches' : 'matches none of'} ${c.patterns.join('|')}`;
  const text = c.list.map((p) => `${p.joiner ? `${p.joiner} ` : ''}${p.raw.join(' ')}`).join(' ');
  return `${text} ${c.holds ? 'holds' : 'does not hold'}`;
}

function evaluateCondition(c: ShellCondition, scope: ConditionScope): Tri {
  if (c.kind === 'case') {
    const subject = expandKnown(c.subject, scope);
    let matched: Tri = false;
    for (const raw of c.patterns) {
      const pattern = expandKnown(raw, scope);
      if (pattern === '*') matched = true;
      else if (pattern === undefined || subject === undefined) matched = undefined;
      else if (globToRegExp(pattern).test(subject)) matched = true;
      if (matched === true) break;
    }
    return c.matches ? matched : not(matched);
  }
  const value = evaluateList(c.list, scope);
  return c.holds ? value : not(value);
}

const not = (v: Tri): Tri => (v === undefined ? undefined : !v);

function evaluateList(list: readonly ConditionPart[], scope: ConditionScope): Tri {
  let result: Tri;
  list.forEach((part, k) => {
    if (k === 0) result = evaluateTestCommand(part.raw, scope);
    else if (part.joiner === '&&' && result !== false) result = and(result, evaluateTestCommand(part.raw, scope));
    else if (part.joiner === '||' && result !== true) result = or(result, evaluateTestCommand(part.raw, scope));
  });
  return result;
}

const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === true && b === true ? true : undefined);
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === false && b === false ? false : undefined);

/** `[ … ]`, `[[ … ]]`, `test …`, optionally negated with `!`; any other command's status is unknown. */
function evaluateTestCommand(raw: readonly string[], scope: ConditionScope): Tri {
  if (raw[0] === '!') return not(evaluateTestCommand(raw.slice(1), scope));
  const [program, ...rest] = raw;
  let args: readonly string[];
  if (program === '[' && rest.at(-1) === ']') args = rest.slice(0, -1);
  else if (program === '[[' && rest.at(-1) === ']]') args = rest.slice(0, -1);
  else if (program === 'test') args = rest;
  else return undefined;
  return evaluateTest(args.map((a) => expandKnown(a, scope)), program === '[[', scope);
}

const FILE_TESTS = new Set(['-f', '-e', '-d', '-r', '-s']);

function evaluateTest(args: ReadonlyArray<string | undefined>, isExtended: boolean, scope: ConditionScope): Tri {
  if (args[0] === '!' && args.length > 1) return not(evaluateTest(args.slice(1), isExtended, scope));
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] === undefined ? undefined : args[0] !== '';
  const [a, op, b] = args;
  if (args.length === 2) {
    if (op === undefined) return undefined;
    if (a === '-n') return op !== '';
    if (a === '-z') return op === '';
    if (a !== undefined && FILE_TESTS.has(a)) return testPath(a, op, scope);
    return undefined;
  }
  if (args.length !== 3 || a === undefined || b === undefined) return undefined;
  if (op === '=' || op === '==') return isExtended ? globToRegExp(b).test(a) : a === b;
  if (op === '!=') return isExtended ? !globToRegExp(b).test(a) : a !== b;
  const x = Number(a);
  const y = Number(b);
  if (a.trim() === '' || b.trim() === '' || Number.isNaN(x) || Number.isNaN(y)) return undefined;
  const numeric: Record<string, boolean> = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y };
  return numeric[op ?? ''];
}

/** The image's files decide `-f`/`-d`/`-e`: what the build did not put there is not there when the container starts. */
function testPath(op: string, path: string, scope: ConditionScope): Tri {
  if (path === '') return false;
  const resolved = resolveImagePath(scope.cwd, path);
  const isFile = scope.hasFile(resolved);
  const isDir = scope.hasDir(resolved);
  if (op === '-d') return isDir;
  if (op === '-e') return isFile || isDir;
  return isFile;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;
const POSITIONAL = /\$\{(\d+)(?::?-([^}]*))?\}|\$(\d)|\$\{?[@*]\}?|\$\{?#\}?/g;

/**
 * A word's value when everything it expands is known. A variable the image
 * and the script do not set may be set by whoever runs the container, so a
 * word using it (even with a `${X:-default}`) is unknown.
 */
function expandKnown(raw: string, scope: ConditionScope): string | undefined {
  if (raw.includes('`') || raw.includes('$(')) return undefined;
  for (const m of raw.matchAll(VARIABLE)) {
    if (!Object.hasOwn(scope.env, (m[1] ?? m[2]) as string)) return undefined;
  }
  const expanded = joinParts(readWord(raw, 0, scope.env, false).parts);
  const value = expanded.replace(POSITIONAL, (all, braced?: string, fallback?: string, plain?: string) => {
    if (all.includes('#')) return String(scope.positional.length);
    if (braced === undefined && plain === undefined) return scope.positional.join(' ');
    const n = Number(braced ?? plain);
    const arg = n === 0 ? scope.scriptName : scope.positional[n - 1];
    return arg === undefined || (arg === '' && fallback !== undefined) ? (fallback ?? '') : arg;
  });
  // `${1#-}`, `$?`, `$$`: an expansion this reader does not evaluate.
  return /\$[{A-Za-z0-9_@*#?$!-]/.test(value) ? undefined : value;
}

/** A shell pattern (`serve*`, `?`, `[ab]`) as an anchored regular expression. */
function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        out += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}
