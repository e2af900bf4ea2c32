/**
 * Finds the end of constructs the parser keeps opaque (`$(...)`, `(...)`,
 * backticks, `${...}`). Unbalanced input runs to the end of the text
 * instead of throwing: a hook must never crash on a half-written script.
 */

/** Index just after the `close` matching the `open` at `start`. */
export function scanBalanced(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === "'" && open !== '{') {
      i = skipPast(text, i + 1, "'");
      continue;
    }
    if (ch === '"') {
      i = scanDoubleQuoted(text, i + 1);
      continue;
    }
    if (ch === '`') {
      i = scanBacktick(text, i);
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** Index just after the backtick that closes the one at `start`. */
export function scanBacktick(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '`') return i + 1;
    else i++;
  }
  return text.length;
}

/** Index just after the `"` closing a double-quoted string whose body starts at `start`. */
function scanDoubleQuoted(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function skipPast(text: string, start: number, ch: string): number {
  const end = text.indexOf(ch, start);
  return end === -1 ? text.length : end + 1;
}
