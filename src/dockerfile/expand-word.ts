/** Looks a variable up; `undefined` = not defined (or declared without a value). */
export type VariableLookup = (name: string) => string | undefined;

export interface ExpandedWord {
  value: string;
  /** Variables referenced without a value and without a default that would stand in. */
  unresolved: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The BuildKit shell lexer for one word: removes quotes and escapes and
 * substitutes `$V ${V} ${V:-w} ${V-w} ${V:+w} ${V+w}` from `lookup`.
 * Undefined variables become '' (as in BuildKit) and are listed as
 * unresolved so callers can report what they could not know.
 */
export function expandWord(word: string, lookup: VariableLookup, escape = '\\'): ExpandedWord {
  const unresolved: string[] = [];
  const value = expandText(word, lookup, escape, unresolved, false);
  return { value, unresolved };
}

function expandText(text: string, lookup: VariableLookup, escape: string, unresolved: string[], inDefault: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" && !inDefault) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return out + text.slice(i + 1);
      out += text.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"' && !inDefault) {
      i++;
      while (i < text.length && text[i] !== '"') {
        const c = text[i]!;
        if (c === escape && i + 1 < text.length && '"$`\\'.includes(text[i + 1]!)) {
          out += text[i + 1]!;
          i += 2;
        } else if (c === '$') {
          const r = expandDollar(text, i, lookup, escape, unresolved);
          out += r.value;
          i = r.next;
        } else {
          out += c;
          i++;
        }
      }
      i++;
    } else if (ch === escape) {
      if (i + 1 < text.length) out += text[i + 1]!;
      i += 2;
    } else if (ch === '$') {
      const r = expandDollar(text, i, lookup, escape, unresolved);
      out += r.value;
      i = r.next;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function expandDollar(text: string, at: number, lookup: VariableLookup, escape: string, unresolved: string[]): { value: string; next: number } {
  const next = text[at + 1];
  if (next === undefined) return { value: '$', next: at + 1 };
  if (next === '{') return expandBraced(text, at, lookup, escape, unresolved);
  if (!NAME_START.test(next)) return { value: '$', next: at + 1 };
  let end = at + 1;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  const name = text.slice(at + 1, end);
  const value = lookup(name);
  if (value === undefined) unresolved.push(name);
  return { value: value ?? '', next: end };
}

function expandBraced(text: string, at: number, lookup: VariableLookup, escape: string, unresolved: string[]): { value: string; next: number } {
  const close = findClosingBrace(text, at + 2, escape);
  if (close < 0) return { value: text.slice(at), next: text.length };
  const body = text.slice(at + 2, close);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(body);
  if (!m) {
    // Unsupported modifiers (`${V#p}`, `${V/p/r}`): the value cannot be known.
    unresolved.push(body);
    return { value: '', next: close + 1 };
  }
  const name = m[1]!;
  const op = m[2];
  const value = lookup(name);
  if (op === undefined) {
    if (value === undefined) unresolved.push(name);
    return { value: value ?? '', next: close + 1 };
  }
  const isSet = op.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
  const word = () => expandText(m[3] ?? '', lookup, escape, unresolved, true);
  if (op.endsWith('-')) return { value: isSet ? value! : word(), next: close + 1 };
  return { value: isSet ? word() : '', next: close + 1 };
}

function findClosingBrace(text: string, from: number, escape: string): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape) i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
