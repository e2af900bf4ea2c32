import type { ParseShellOptions, ShellCommand, ShellSeparator } from './shell-command.js';
import { ShellLexer } from './shell-lexer.js';
import { joinParts, splitFields } from './read-word.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** Words that open a compound command; the command they introduce follows them. */
const OPENERS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
/** Words that only close a compound command; a command made of them runs nothing. */
const CLOSERS = new Set(['fi', 'done', 'esac', '}']);
/** Words that start a compound command whose body may run any number of times. */
const OPENING = new Set(['if', 'for', 'while', 'until', 'case', 'select']);

/**
 * Splits a shell string into simple commands. Control flow is flattened: the
 * commands of every branch are listed, which is what a static check wants
 * (any branch may be the one that runs).
 */
export function parseShell(text: string, options: ParseShellOptions = {}): ShellCommand[] {
  // Assignments land on a layer of their own: `env` may be shared (a RUN's variables) and is only read.
  const lexer = new ShellLexer(text, options.env ? Object.create(options.env) : undefined);
  const commands: ShellCommand[] = [];
  let current = emptyCommand(1);
  let pending: ShellSeparator | undefined;

  // Inside `if`/`for`/`while`/`case` a branch may run or not, once or many times.
  let depth = 0;
  const finish = () => {
    const opens = OPENING.has(current.words[0] ?? '');
    const command = stripCompoundWords(current);
    if (command.words.length > 0 || Object.keys(command.assignments).length > 0) {
      if (pending) command.separatorBefore = pending;
      commands.push(command);
      rememberVariables(command, lexer, depth > 0 || opens);
    }
    depth = Math.max(0, depth + (opens ? 1 : 0) - current.words.filter((w) => CLOSERS.has(w) && w !== '}').length);
    current = emptyCommand(current.line);
  };

  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind === 'redirect') {
      if (token.output !== undefined) (current.outputs ??= []).push(token.output);
      if (token.input !== undefined) current.input = token.input;
      continue;
    }
    if (token.kind === 'op') {
      const isEmpty = current.words.length === 0 && Object.keys(current.assignments).length === 0;
      if (isEmpty && token.op === '\n') continue;
      finish();
      pending = token.op === '\n' ? ';' : token.op;
      continue;
    }
    if (current.words.length === 0 && Object.keys(current.assignments).length === 0) current.line = token.line;
    const name = current.words.length === 0 ? ASSIGNMENT.exec(token.raw)?.[1] : undefined;
    if (name) current.assignments[name] = joinParts(token.parts).slice(name.length + 1);
    else current.words.push(...splitFields(token.parts));
  }
  finish();
  return commands;
}

function emptyCommand(line: number): ShellCommand {
  return { words: [], assignments: {}, line };
}

/** Drops `if`/`then`/`case x in`/`pattern)` so the real program comes first. */
function stripCompoundWords(command: ShellCommand): ShellCommand {
  let words = command.words;
  for (;;) {
    const first = words[0];
    if (first === undefined) break;
    if (OPENERS.has(first)) words = words.slice(1);
    else if (first === 'case') {
      const inAt = words.indexOf('in');
      words = inAt === -1 ? [] : words.slice(inAt + 1);
    } else if (first.endsWith(')') && !first.startsWith('(') && !first.startsWith('$(')) words = words.slice(1);
    else break;
  }
  if (words.every((w) => CLOSERS.has(w))) words = [];
  return { ...command, words };
}

/**
 * Assignment-only commands and `export A=b` set variables later words can
 * expand. One made inside a branch or loop (`flags="$flags --group $g"`)
 * leaves the variable's value unknown afterwards, so it is forgotten.
 */
function rememberVariables(command: ShellCommand, lexer: ShellLexer, isConditional: boolean): void {
  if (!lexer.env) return;
  if (isConditional) {
    const words = command.words[0] === 'export' || command.words[0] === 'readonly' ? command.words.slice(1) : command.words;
    const assigned = words.every((w) => ASSIGNMENT.test(w)) ? words.map((w) => ASSIGNMENT.exec(w)?.[1]) : [];
    const env = lexer.env;
    for (const name of [...(command.words.length === 0 || assigned.length > 0 ? Object.keys(command.assignments) : []), ...assigned]) {
      if (name !== undefined) delete env[name];
    }
    return;
  }
  if (command.words.length === 0) Object.assign(lexer.env, command.assignments);
  if (command.words[0] === 'export' || command.words[0] === 'readonly') {
    for (const word of command.words.slice(1)) {
      const m = ASSIGNMENT.exec(word);
      if (m?.[1]) lexer.env[m[1]] = word.slice(m[1].length + 1);
    }
  }
}
