export interface LogicalLine {
  /** Joined text, comment removed, trimmed; never empty. */
  text: string;
  /** 1-based line where the logical line starts. */
  line: number;
}

/** pip: `#` starts a comment only at the start of a line or after whitespace (URL fragments survive). */
const COMMENT = /(^|\s+)#.*$/;

/** pip's first passes over a requirements file: join `\` continuations, drop comments and blank lines. */
export function joinRequirementLines(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    let line = physical[i] ?? '';
    // A comment line ending in `\` does not swallow the next line (pip does the same).
    while (line.endsWith('\\') && !/^\s*#/.test(line)) {
      line = line.slice(0, -1);
      if (i + 1 >= physical.length) break;
      i++;
      const next = physical[i] ?? '';
      if (/^\s*#/.test(next)) break;
      line += next;
    }
    const stripped = line.replace(COMMENT, '').trim();
    if (stripped) out.push({ text: stripped, line: start + 1 });
  }
  return out;
}
