import { expandWord, type VariableLookup } from './expand-word.js';

/** At most this many builds are read from one command: every combination of its variables' values. */
const MAX_COMBINATIONS = 32;

/** The `if`/`case` arms an assignment sits in: block id → arm number. */
export type ArmPath = ReadonlyMap<number, number>;

interface Value {
  value: string;
  arms: ArmPath;
}

/**
 * The values each shell variable of a build script can take. An assignment
 * in straight-line code replaces the values; one inside a `case` branch or
 * an `if`/`else` arm adds to them, since the script may take any branch.
 * Values from different arms of one `case`/`if` never combine: the branch
 * that sets DOCKERFILE also sets CONTEXT.
 */
export class ShellValues {
  private readonly values: Map<string, Value[]>;

  constructor(from?: ShellValues) {
    this.values = new Map(from ? [...from.values].map(([k, v]) => [k, [...v]]) : []);
  }

  assign(name: string, value: string, arms: ArmPath): void {
    const known = this.values.get(name);
    if (arms.size === 0 || known === undefined) this.values.set(name, [{ value, arms }]);
    else {
      // A later assignment in the same arm replaces the earlier one there.
      const others = known.filter((v) => !sameArms(v.arms, arms));
      this.values.set(name, [...others, { value, arms }]);
    }
  }

  /** The variable a `case` tests, inside one arm: each of the arm's patterns is a value it has there. */
  assignArm(name: string, values: readonly string[], arms: ArmPath): void {
    const others = (this.values.get(name) ?? []).filter((v) => v.arms.size > 0 && !sameArms(v.arms, arms));
    this.values.set(name, [...others, ...values.map((value) => ({ value, arms }))]);
  }

  /** `for v in a b c`: the loop variable takes each value. */
  assignAll(name: string, values: readonly string[], arms: ArmPath = new Map()): void {
    this.values.set(name, [...new Set(values)].map((value) => ({ value, arms })));
  }

  /** The first value, for words whose variables take one value. */
  readonly lookup: VariableLookup = (name) => this.values.get(name)?.[0]?.value;

  /**
   * The command's words under each consistent combination of the values of
   * the variables it names (one when none has several), each variable
   * bound to the same value in every word.
   */
  expandCommand(words: readonly string[]): string[][] {
    const names = [...new Set(words.flatMap((w) => [...w.matchAll(/\$\{?(\w+)/g)].map((m) => m[1] as string)))];
    const varying = names.filter((n) => (this.values.get(n)?.length ?? 0) > 1);
    let combos: Array<Map<string, Value>> = [new Map()];
    for (const name of varying) {
      const options = this.values.get(name) ?? [];
      combos = combos.flatMap((combo) => options.filter((v) => [...combo.values()].every((c) => compatible(c.arms, v.arms))).map((v) => new Map([...combo, [name, v]])));
      if (combos.length > MAX_COMBINATIONS) combos = combos.slice(0, MAX_COMBINATIONS);
    }
    return combos.map((combo) => words.map((w) => expandWord(w, (name) => combo.get(name)?.value ?? this.lookup(name))));
  }
}

function compatible(a: ArmPath, b: ArmPath): boolean {
  for (const [block, arm] of a) if (b.has(block) && b.get(block) !== arm) return false;
  return true;
}

function sameArms(a: ArmPath, b: ArmPath): boolean {
  return a.size === b.size && compatible(a, b);
}

/**
 * Follows `if`/`case`/loop nesting through a script's command segments
 * (split at `;`, `;;`, `&&`, `||` and line ends) from their leading
 * keywords, which the shell parser the scan uses drops.
 */
export class BranchTracker {
  private readonly stack: Array<{ id: number; kind: 'if' | 'case' | 'loop'; arm: number; subject?: string }> = [];
  private nextId = 0;

  /**
   * Updates the nesting for one segment and returns the arms its assignments
   * sit in; on a `case "$VAR" in` arm's first segment, also the values its
   * literal patterns give VAR there (`api|worker)` → api, worker).
   */
  enter(segment: string): { arms: ArmPath; caseValues?: { name: string; values: string[] } } {
    const trimmed = segment.trim();
    const words = trimmed.split(/\s+/);
    const first = words[0] ?? '';
    const top = this.stack[this.stack.length - 1];
    let caseValues: { name: string; values: string[] } | undefined;
    const arm = /^\(?([^\s()]+(?:\s*\|\s*[^\s()]+)*)\)/.exec(trimmed);
    if (first === 'if' || first === 'case') {
      const subject = first === 'case' ? /^"?\$\{?(\w+)\}?"?$/.exec(words[1] ?? '')?.[1] : undefined;
      this.stack.push({ id: this.nextId++, kind: first, arm: 0, ...(subject ? { subject } : {}) });
    } else if (first === 'for' || first === 'while' || first === 'until' || first === 'select') this.stack.push({ id: this.nextId++, kind: 'loop', arm: 0 });
    else if ((first === 'else' || first === 'elif') && top?.kind === 'if') top.arm += 1;
    else if (top?.kind === 'case' && arm) {
      top.arm += 1;
      const values = (arm[1] as string).split('|').map((p) => p.trim().replace(/^(["'])(.*)\1$/, '$2')).filter((p) => p !== '' && !/[*?[\]$]/.test(p));
      if (top.subject !== undefined && values.length > 0) caseValues = { name: top.subject, values };
    }
    const arms = this.arms();
    for (const word of words) if (word === 'fi' || word === 'esac' || word === 'done') this.stack.pop();
    return caseValues ? { arms, caseValues } : { arms };
  }

  private arms(): ArmPath {
    return new Map(this.stack.filter((b) => b.kind !== 'loop').map((b) => [b.id, b.arm]));
  }
}

/** Splits a shell line into command segments at `;;`, `;`, `&&`, `||`, outside quotes and `$(…)`. */
export function splitSegments(line: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quote: string | undefined;
  let parens = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quote) {
      if (c === '\\' && quote === '"') {
        current += c + (line[i + 1] ?? '');
        i += 1;
        continue;
      }
      if (c === quote) quote = undefined;
      current += c;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' && line[i - 1] === '$') parens += 1;
    else if (c === ')' && parens > 0) parens -= 1;
    // A single `|` stays: a pipe starts no branch, and `api|worker)` is one case pattern.
    else if (parens === 0 && (c === ';' || ((c === '|' || c === '&') && line[i + 1] === c))) {
      segments.push(current);
      current = '';
      if (line[i + 1] === c) i += 1;
      continue;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    current += c;
  }
  segments.push(current);
  return segments.filter((s) => s.trim() !== '');
}
