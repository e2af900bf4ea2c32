/** A logical line of a script with the 1-based line it starts on. */
export interface ScriptLine {
  text: string;
  line: number;
}

const DEFINITION = /^\s*(?:function\s+([A-Za-z_][\w-]*)\s*(?:\(\))?|([A-Za-z_][\w-]*)\s*\(\))\s*\{?(.*)$/;

/**
 * Splits a shell script into its top-level lines and its functions' bodies
 * (`name() {`, `function name {`, one-line `name() { …; }` too), so a
 * function can be read once per call with that call's arguments.
 */
export function splitFunctions(lines: readonly ScriptLine[]): { main: ScriptLine[]; functions: Map<string, ScriptLine[]> } {
  const main: ScriptLine[] = [];
  const functions = new Map<string, ScriptLine[]>();
  for (let i = 0; i < lines.length; i += 1) {
    const current = lines[i] as ScriptLine;
    const match = DEFINITION.exec(current.text);
    if (!match) {
      main.push(current);
      continue;
    }
    const name = (match[1] ?? match[2]) as string;
    const rest = (match[3] ?? '').trim();
    const body: ScriptLine[] = [];
    // One line: `name() { docker build …; }`.
    if (rest.endsWith('}')) {
      body.push({ text: rest.slice(0, -1), line: current.line });
      functions.set(name, body);
      continue;
    }
    if (rest !== '') body.push({ text: rest, line: current.line });
    let depth = 1;
    for (i += 1; i < lines.length; i += 1) {
      const line = lines[i] as ScriptLine;
      const trimmed = line.text.trim();
      if (/\{\s*$/.test(trimmed)) depth += 1;
      if (/^\}/.test(trimmed)) depth -= 1;
      if (depth === 0) break;
      body.push(line);
    }
    functions.set(name, body);
  }
  return { main, functions };
}
