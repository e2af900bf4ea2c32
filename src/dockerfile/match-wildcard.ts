/** BuildKit's `containsWildcards`: `*`, `?` or `[` not escaped by `\`. */
export function hasWildcard(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/**
 * Go's `filepath.Match` as a RegExp: `*` and `?` never cross `/` (so `**`
 * is just `*`), `[^…]` negates, `\x` is a literal x. Undefined for a
 * malformed pattern (Go's ErrBadPattern).
 */
export function compileGoGlob(pattern: string): RegExp | undefined {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      re += escapeChar(pattern[++i]!);
    } else if (ch === '[') {
      const end = findClassEnd(pattern, i + 1);
      if (end < 0) return undefined;
      re += compileClass(pattern.slice(i + 1, end));
      i = end;
    } else re += escapeChar(ch);
  }
  try {
    return new RegExp(re + '$');
  } catch {
    return undefined;
  }
}

/** Index of the `]` closing a class opened before `from`; -1 when unclosed or empty. */
function findClassEnd(pattern: string, from: number): number {
  let i = pattern[from] === '^' ? from + 1 : from;
  const start = i;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i === start ? -1 : i;
  }
  return -1;
}

function compileClass(body: string): string {
  let out = body.startsWith('^') ? '[^/' : '[';
  for (let i = body.startsWith('^') ? 1 : 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[++i]!;
      out += /[A-Za-z0-9]/.test(next) ? next : '\\' + next;
    }
    else if (c === '-') out += '-';
    else out += /[\\^[\]]/.test(c) ? '\\' + c : c;
  }
  return out + ']';
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}
