import type { ConditionPart, ShellCondition, ShellSeparator } from './shell-command.js';

/** A word of a command as written (`raw`) and the fields it expands to. */
export interface CommandToken {
  raw: string;
  fields: string[];
}

type Frame =
  | { kind: 'if'; prior: ShellCondition[]; current?: ShellCondition; phase: 'cond' | 'body'; list: ConditionPart[] }
  | { kind: 'case'; subject: string; prior: ShellCondition[]; current?: ShellCondition; phase: 'pattern' | 'body'; patterns: string[] }
  | { kind: 'loop' };

/** Words that open or continue a compound command without being a program. */
const PREFIXES = new Set(['do', '{', 'time']);
const CLOSERS = new Set(['fi', 'done', 'esac', '}']);
const TESTS = new Set(['[', '[[', 'test']);

const isStrayPattern = (word: string | undefined): boolean => word?.endsWith(')') === true && !word.startsWith('(') && !word.startsWith('$(');

const negate = (c: ShellCondition): ShellCondition => (c.kind === 'test' ? { ...c, holds: !c.holds } : { ...c, matches: false });

/**
 * Follows `if`/`elif`/`else`, `case` arms and `test && a || b` lists through
 * a shell text, one simple command at a time, so each command can say which
 * runtime conditions decide whether it runs. Loops are tracked only to know
 * that what they assign is conditional.
 */
export class BranchTracker {
  private readonly frames: Frame[] = [];
  /** The previous command of the current and-or list. */
  private chain: { isTest: boolean; raw: string[]; conditions: ShellCondition[] } | undefined;

  /** Inside any compound command: a variable assigned here may or may not be set afterwards. */
  get isNested(): boolean {
    return this.frames.length > 0;
  }

  /** `;;` ends a case arm: later arms run only when the subject matched none of this one's patterns. */
  endCaseArm(): void {
    const top = this.frames.at(-1);
    if (top?.kind !== 'case') return;
    if (top.current) top.prior.push(negate(top.current));
    top.current = undefined;
    top.phase = 'pattern';
    this.chain = undefined;
  }

  /** Strips the compound-command words of one command; returns the program's tokens and what it runs under. */
  enter(tokens: CommandToken[], separator: ShellSeparator | undefined): { tokens: CommandToken[]; conditions: ShellCondition[] } {
    let i = 0;
    for (; i < tokens.length; i++) {
      if (!this.readKeyword(tokens, i)) break;
      if (tokens[i]?.raw === 'case') i += 2;
    }
    let rest = tokens.slice(i);
    // A case arm whose `case … in` was in text parsed on its own (build scripts are read a line at a time): the
    // pattern is no program either, though no arm can be tracked.
    if (!this.frames.some((f) => f.kind === 'case') && isStrayPattern(rest[0]?.raw)) rest = rest.slice(1);
    const top = this.frames.at(-1);
    const outer = this.activeConditions();
    if (top?.kind === 'if' && top.phase === 'cond' && rest.length > 0) {
      const joiner = separator === '&&' || separator === '||' ? separator : undefined;
      if (joiner === undefined || i > 0) top.list = [];
      top.list.push({ raw: rest.map((t) => t.raw), ...(joiner && top.list.length > 0 ? { joiner } : {}) });
      this.chain = undefined;
    } else if (rest.length > 0) {
      outer.push(...this.chainConditions(rest, i === 0 ? separator : undefined));
    }
    while (rest[0]?.raw === '!') rest = rest.slice(1);
    if (rest.every((t) => CLOSERS.has(t.raw))) rest = [];
    return { tokens: rest, conditions: outer };
  }

  /** Handles a keyword at `tokens[i]`; false when the word is the program. */
  private readKeyword(tokens: CommandToken[], i: number): boolean {
    const word = (tokens[i] as CommandToken).raw;
    const top = this.frames.at(-1);
    if (top?.kind === 'case' && top.phase === 'pattern') {
      if (word === 'esac') this.frames.pop();
      else this.readPattern(top, word);
      return true;
    }
    if (word === 'if') this.frames.push({ kind: 'if', prior: [], phase: 'cond', list: [] });
    else if (word === 'then' && top?.kind === 'if') {
      top.current = { kind: 'test', list: top.list, holds: true };
      top.list = [];
      top.phase = 'body';
    } else if ((word === 'elif' || word === 'else') && top?.kind === 'if') {
      if (top.current) top.prior.push(negate(top.current));
      top.current = undefined;
      top.phase = word === 'elif' ? 'cond' : 'body';
    } else if (word === 'case') {
      if (tokens[i + 2]?.raw !== 'in') return false;
      this.frames.push({ kind: 'case', subject: tokens[i + 1]?.raw ?? '', prior: [], phase: 'pattern', patterns: [] });
    } else if (word === 'then' || word === 'else' || word === 'elif') {
      // Of an `if` in text parsed on its own (a build script read a segment at a time): still no program.
    } else if (word === 'while' || word === 'until') this.frames.push({ kind: 'loop' });
    else if (word === 'for' || word === 'select') {
      // The header stays a command of its own (callers have always seen `for x in …`); only the loop is noted.
      this.frames.push({ kind: 'loop' });
      return false;
    } else if ((word === 'fi' && top?.kind === 'if') || (word === 'done' && top?.kind === 'loop') || (word === 'esac' && top?.kind === 'case')) {
      this.frames.pop();
    } else if (!PREFIXES.has(word)) return false;
    return true;
  }

  /** `serve)`, `(serve)`, `serve|run)`; a pattern without `)` is an alternative before a `|` the lexer split off. */
  private readPattern(top: Extract<Frame, { kind: 'case' }>, word: string): void {
    const pattern = word.startsWith('(') ? word.slice(1) : word;
    if (!pattern.endsWith(')')) {
      top.patterns.push(...pattern.split('|').filter((p) => p !== ''));
      return;
    }
    top.patterns.push(...pattern.slice(0, -1).split('|').filter((p) => p !== ''));
    top.current = { kind: 'case', subject: top.subject, patterns: top.patterns, matches: true };
    top.patterns = [];
    top.phase = 'body';
  }

  private activeConditions(): ShellCondition[] {
    return this.frames.flatMap((f) => (f.kind === 'loop' ? [] : [...f.prior, ...(f.current ? [f.current] : [])]));
  }

  /** `test && a` runs a only when the test holds, `test || a` only when it does not, `test && a || b` b only when it does not. */
  private chainConditions(rest: CommandToken[], separator: ShellSeparator | undefined): ShellCondition[] {
    const prev = this.chain;
    let conditions: ShellCondition[] = [];
    if (prev && (separator === '&&' || separator === '||')) {
      const only = prev.conditions.length === 1 ? prev.conditions[0] : undefined;
      if (prev.isTest) conditions = [{ kind: 'test', list: [{ raw: prev.raw }], holds: separator === '&&' }];
      else if (separator === '&&') conditions = prev.conditions;
      else if (only?.kind === 'test' && only.holds) conditions = [negate(only)];
    }
    const raw = rest.map((t) => t.raw);
    const program = raw[0] === '!' ? raw[1] : raw[0];
    this.chain = { isTest: program !== undefined && TESTS.has(program), raw, conditions };
    return conditions;
  }
}
