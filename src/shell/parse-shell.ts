import type { ParseShellOptions, ShellCommand, ShellSeparator } from './shell-command.js';
import { ShellLexer } from './shell-lexer.js';
import { joinParts, splitFields } from './read-word.js';
import { BranchTracker, type CommandToken } from './branch-tracker.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** A command being read: its tokens as written and as expanded. */
interface Pending extends Omit<ShellCommand, 'words'> {
  tokens: CommandToken[];
}

/**
 * Splits a shell string into simple commands. Every branch's commands are
 * listed (any branch may be the one that runs), each with the conditions
 * (`if` tests, `case` patterns, `test && …`) that decide whether it runs,
 * for callers that know enough to decide them.
 */
export function parseShell(text: string, options: ParseShellOptions = {}): ShellCommand[] {
  // Assignments land on a layer of their own: `env` may be shared (a RUN's variables) and is only read.
  const lexer = new ShellLexer(text, options.env ? Object.create(options.env) : undefined);
  const commands: ShellCommand[] = [];
  const branches = new BranchTracker();
  let current = emptyCommand(1);
  let pending: ShellSeparator | undefined;

  const finish = () => {
    const { tokens, conditions } = branches.enter(current.tokens, pending);
    const { tokens: _, ...rest } = current;
    const command: ShellCommand = { ...rest, words: tokens.flatMap((t) => t.fields) };
    if (command.words.length > 0 || Object.keys(command.assignments).length > 0) {
      if (pending) command.separatorBefore = pending;
      if (conditions.length > 0) command.conditions = conditions;
      commands.push(command);
      rememberVariables(command, lexer, branches.isNested);
    }
    current = emptyCommand(current.line);
  };

  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind === 'redirect') {
      if (token.output !== undefined) (current.outputs ??= []).push(token.output);
      if (token.input !== undefined) current.input = token.input;
      continue;
    }
    if (token.kind === 'op') {
      const isEmpty = current.tokens.length === 0 && Object.keys(current.assignments).length === 0;
      if (isEmpty && token.op === '\n') continue;
      finish();
      if (token.caseEnd) branches.endCaseArm();
      pending = token.op === '\n' ? ';' : token.op;
      continue;
    }
    if (current.tokens.length === 0 && Object.keys(current.assignments).length === 0) current.line = token.line;
    const name = current.tokens.length === 0 ? ASSIGNMENT.exec(token.raw)?.[1] : undefined;
    if (name) current.assignments[name] = joinParts(token.parts).slice(name.length + 1);
    else current.tokens.push({ raw: token.raw, fields: splitFields(token.parts) });
  }
  finish();
  return commands;
}

function emptyCommand(line: number): Pending {
  return { tokens: [], assignments: {}, line };
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
