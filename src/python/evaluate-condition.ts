import type { SyntaxNode } from './syntax-node.js';
import { readStringLiteral } from './read-string-literal.js';
import { applyComparison } from '../deps/apply-comparison.js';

/**
 * The Python minors a condition is judged for: bit 0 is Python 2 (2.7),
 * bit i is 3.(i-1). Version tests depend on the image's interpreter, every
 * other test this module knows does not.
 */
export const PYTHON_MINORS: readonly (readonly [number, number])[] = [[2, 7], ...Array.from({ length: 24 }, (_, i) => [3, i] as const)];
export const ALL_MINORS = (1 << PYTHON_MINORS.length) - 1;

/**
 * A condition's value, per Python minor: `yes` the minors on which it
 * surely holds, `no` those on which it surely does not; `opaque` when a part
 * of it is something static reading cannot know (a setting, a call), so a
 * minor in neither set is unknown for a reason other than the version.
 */
export interface ConditionValue {
  yes: number;
  no: number;
  opaque: boolean;
}

const constant = (value: boolean): ConditionValue => ({ yes: value ? ALL_MINORS : 0, no: value ? 0 : ALL_MINORS, opaque: false });
const UNKNOWN: ConditionValue = { yes: 0, no: 0, opaque: true };
export const not = (v: ConditionValue): ConditionValue => ({ yes: v.no, no: v.yes, opaque: v.opaque });
export const and = (a: ConditionValue, b: ConditionValue): ConditionValue => ({ yes: a.yes & b.yes, no: a.no | b.no, opaque: a.opaque || b.opaque });
const or = (a: ConditionValue, b: ConditionValue): ConditionValue => ({ yes: a.yes | b.yes, no: a.no & b.no, opaque: a.opaque || b.opaque });
export const TRUE = constant(true);

/**
 * What a container's platform answers: images are Linux, so `sys.platform` is
 * `"linux"` (since Python 3.3), `os.name` is `"posix"` and `platform.system()`
 * is `"Linux"`; a Windows or macOS branch never runs there.
 */
const PLATFORM_VALUES: Record<string, string> = { 'sys.platform': 'linux', 'os.name': 'posix', 'platform.system()': 'Linux' };
const SIX_VERSIONS: Record<string, [number, number]> = { 'six.PY2': [2, 2], 'six.PY3': [3, 3] };

/** A value a condition compares: a string the platform fixes, or a part of `sys.version_info`. */
type Operand = { kind: 'string'; value: string } | { kind: 'version'; length: number; from: number; scalar: boolean } | { kind: 'literal'; value: unknown };

/**
 * Evaluates an `if` condition as far as it depends only on the platform
 * (Linux), the Python version, `TYPE_CHECKING` (false when the program runs)
 * and literals. `names` are the module's single assignments, so that
 * `PY2 = sys.version_info[0] == 2` and `IS_WINDOWS = os.name == "nt"` are
 * judged where they are tested.
 */
export function evaluateCondition(node: SyntaxNode, names: ReadonlyMap<string, SyntaxNode>, depth = 0): ConditionValue {
  if (depth > 8) return UNKNOWN;
  const next = (child: SyntaxNode | null): ConditionValue => (child ? evaluateCondition(child, names, depth + 1) : UNKNOWN);
  switch (node.type) {
    case 'true':
      return TRUE;
    case 'false':
    case 'none':
      return constant(false);
    case 'integer':
      return /^0+$|^0[xob]0+$/i.test(node.text.replace(/_/g, '')) ? constant(false) : constant(true);
    case 'parenthesized_expression':
      return node.namedChildren.length === 1 ? next(node.namedChildren[0]!) : UNKNOWN;
    case 'not_operator':
      return not(next(node.childForFieldName('argument')));
    case 'boolean_operator': {
      const left = next(node.childForFieldName('left'));
      const right = next(node.childForFieldName('right'));
      return node.childForFieldName('operator')?.type === 'or' ? or(left, right) : and(left, right);
    }
    case 'comparison_operator':
      return evaluateComparison(node, names, depth);
    case 'call':
      return evaluateStartsWith(node);
  }
  const text = node.text;
  if (/^(?:[\p{ID_Start}_][\p{ID_Continue}]*\.)*TYPE_CHECKING$/u.test(text)) return constant(false);
  const six = SIX_VERSIONS[text];
  if (six) return versionTest(([major]) => major >= six[0] && major <= six[1]);
  if (node.type === 'identifier') {
    const value = names.get(text);
    return value ? evaluateCondition(value, names, depth + 1) : UNKNOWN;
  }
  return UNKNOWN;
}

function versionTest(holds: (minor: readonly [number, number]) => boolean | undefined): ConditionValue {
  let yes = 0;
  let no = 0;
  PYTHON_MINORS.forEach((minor, i) => {
    const value = holds(minor);
    if (value === true) yes |= 1 << i;
    else if (value === false) no |= 1 << i;
  });
  return { yes, no, opaque: false };
}

function evaluateComparison(node: SyntaxNode, names: ReadonlyMap<string, SyntaxNode>, depth: number): ConditionValue {
  const operands = node.namedChildren;
  const operators = node.childrenForFieldName('operators').map((o) => o.text.replace(/\s+/g, ' '));
  if (operands.length !== 2 || operators.length !== 1) return UNKNOWN;
  let left = readOperand(operands[0]!, names, depth);
  let right = readOperand(operands[1]!, names, depth);
  let operator = operators[0]!;
  if (!left || !right) return UNKNOWN;
  if (operator === 'in' || operator === 'not in') {
    const holds = isIn(left, right);
    if (holds === undefined) return UNKNOWN;
    return constant(operator === 'in' ? holds : !holds);
  }
  if (left.kind === 'literal' && right.kind !== 'literal') {
    [left, right] = [right, left];
    operator = FLIPPED[operator] ?? operator;
  }
  if (left.kind === 'string' && right.kind === 'literal' && typeof right.value === 'string') {
    if (operator === '==') return constant(left.value === right.value);
    if (operator === '!=') return constant(left.value !== right.value);
    return UNKNOWN;
  }
  if (left.kind === 'version' && right.kind === 'literal') {
    const { length, from, scalar } = left;
    const wanted = right.value;
    return versionTest((minor) => {
      const known = [...minor].slice(from, Math.min(length + from, 2));
      const sign = compareVersion(known, length, scalar, wanted);
      return sign === undefined ? undefined : applyComparison(operator, sign);
    });
  }
  return UNKNOWN;
}

const FLIPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };


/**
 * Compares a part of `sys.version_info` (of which `known` is the major and
 * minor part, `length` its length: 5 whole, 2 for `[:2]`, 1 for `[0]` as a
 * tuple) with a literal, the way Python compares tuples; undefined when the
 * micro version would decide. A bare integer (`version_info[0]`) compares as
 * a number.
 */
function compareVersion(known: readonly number[], length: number, scalar: boolean, wanted: unknown): number | undefined {
  if (scalar) return typeof wanted === 'number' ? Math.sign(known[0]! - wanted) : undefined;
  if (!Array.isArray(wanted) || !wanted.every((n) => typeof n === 'number')) return undefined;
  for (let i = 0; i < Math.min(known.length, wanted.length); i++) if (known[i] !== wanted[i]) return Math.sign(known[i]! - (wanted[i] as number));
  if (wanted.length <= known.length) return Math.sign(length - wanted.length);
  return length === known.length ? -1 : undefined;
}

function isIn(left: Operand, right: Operand): boolean | undefined {
  if (left.kind === 'literal' && typeof left.value === 'string' && right.kind === 'string') return right.value.includes(left.value);
  if (left.kind === 'string' && right.kind === 'literal' && Array.isArray(right.value) && right.value.every((v) => typeof v === 'string')) {
    return right.value.includes(left.value);
  }
  return undefined;
}

function readOperand(node: SyntaxNode, names: ReadonlyMap<string, SyntaxNode>, depth: number): Operand | undefined {
  const text = node.text.replace(/\s+/g, '');
  const lower = /^(.+)\.lower\(\)$/.exec(text)?.[1];
  const platform = PLATFORM_VALUES[lower ?? text];
  if (platform !== undefined) return { kind: 'string', value: lower ? platform.toLowerCase() : platform };
  const version = /^sys\.version_info(?:\[(?::(\d))?\]|\[(\d)\]|\.(major|minor))?$/.exec(text);
  if (version) {
    const [, slice, index, field] = version;
    if (slice !== undefined) return { kind: 'version', length: Number(slice), from: 0, scalar: false };
    const at = index !== undefined ? Number(index) : field === 'major' ? 0 : field === 'minor' ? 1 : undefined;
    if (at === undefined) return { kind: 'version', length: 5, from: 0, scalar: false };
    return at > 1 ? undefined : { kind: 'version', length: 1, from: at, scalar: true };
  }
  const literal = readLiteral(node);
  if (literal !== undefined) return { kind: 'literal', value: literal };
  if (node.type === 'identifier' && depth < 8) {
    const value = names.get(node.text);
    return value ? readOperand(value, names, depth + 1) : undefined;
  }
  return undefined;
}

function readLiteral(node: SyntaxNode): unknown {
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return Number(node.text);
  if (node.type === 'string') return readStringLiteral(node.text);
  if (node.type === 'tuple' || node.type === 'list' || node.type === 'parenthesized_expression') {
    const items = node.namedChildren.map(readLiteral);
    if (items.some((item) => item === undefined)) return undefined;
    return node.type === 'parenthesized_expression' ? items[0] : items;
  }
  return undefined;
}

/** `sys.platform.startswith("win")`, `sys.platform.startswith(("linux", "darwin"))`. */
function evaluateStartsWith(node: SyntaxNode): ConditionValue {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  if (callee?.type !== 'attribute' || args.length !== 1) return UNKNOWN;
  const method = callee.childForFieldName('attribute')?.text;
  const subject = readOperand(callee.childForFieldName('object')!, new Map(), 0);
  const prefix = readLiteral(args[0]!);
  if (subject?.kind !== 'string' || (method !== 'startswith' && method !== 'endswith')) return UNKNOWN;
  const prefixes = typeof prefix === 'string' ? [prefix] : Array.isArray(prefix) && prefix.every((p) => typeof p === 'string') ? (prefix as string[]) : undefined;
  if (!prefixes) return UNKNOWN;
  return constant(prefixes.some((p) => (method === 'startswith' ? subject.value.startsWith(p) : subject.value.endsWith(p))));
}

/** What a name must be assigned for its tests to be judged: a plain `DEBUG = False` may be rebound by `global`. */
const JUDGED_VALUE = /version_info|platform|os\.name|TYPE_CHECKING|six\.PY/;

/**
 * The module's names assigned once, at the top level, to a test of the
 * platform or version (`PY2 = sys.version_info[0] == 2`): a name assigned
 * twice may hold either.
 */
export function readModuleNames(root: SyntaxNode): Map<string, SyntaxNode> {
  const assigned = new Map<string, SyntaxNode>();
  const twice = new Set<string>();
  for (const statement of root.namedChildren) {
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.firstNamedChild;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    if (assigned.has(left.text)) twice.add(left.text);
    assigned.set(left.text, right);
  }
  // A name is judged when its value tests the platform or version, or a judged name (`py3k = py >= (3,)`).
  const names = new Map<string, SyntaxNode>();
  for (let grown = true; grown; ) {
    grown = false;
    for (const [name, value] of assigned) {
      if (names.has(name) || twice.has(name)) continue;
      const text = value.text;
      if (JUDGED_VALUE.test(text) || [...names.keys()].some((judged) => new RegExp(`\\b${judged}\\b`).test(text))) {
        names.set(name, value);
        grown = true;
      }
    }
  }
  return names;
}

/** `Python 3.11 and newer`, `Python 3.10 and older`, `Python 2`: the minors in `mask`, in words. */
export function describeMinors(mask: number): string {
  const minors = PYTHON_MINORS.filter((_, i) => mask & (1 << i)).map(([major, minor]) => (major === 2 ? '2' : `3.${minor}`));
  if (minors.length === 0) return 'no Python version';
  const first = minors[0]!;
  const last = minors[minors.length - 1]!;
  const contiguous = minors.length === PYTHON_MINORS.filter((_, i) => i >= indexOf(first) && i <= indexOf(last)).length;
  if (!contiguous) return `Python ${minors.join(', ')}`;
  if (minors.length === 1) return `Python ${first}`;
  if (indexOf(last) === PYTHON_MINORS.length - 1) return `Python ${first} and newer`;
  if (indexOf(first) === 0) return `Python ${last} and older`;
  return `Python ${first} to ${last}`;
}

function indexOf(minor: string): number {
  return minor === '2' ? 0 : Number(minor.slice(2)) + 1;
}

/** The bit of an image's `3.11`, or undefined outside the table. */
export function minorBit(version: string): number | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match) return undefined;
  const i = PYTHON_MINORS.findIndex(([major, minor]) => major === Number(match[1]) && (major === 2 || minor === Number(match[2])));
  return i === -1 ? undefined : 1 << i;
}
