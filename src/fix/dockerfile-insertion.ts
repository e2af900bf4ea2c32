import { parseDockerfile } from '../dockerfile/parse-dockerfile.js';

/**
 * The line a new Dockerfile instruction goes after, for a fix that says
 * "after line N": when N starts (or is inside) an instruction continued over
 * several lines (`\` continuations, heredoc bodies), after that
 * instruction's last line, never in the middle of it. Comment and blank
 * lines after an instruction belong to what follows. Undefined when the
 * line is before the first FROM: there is no sure place then.
 */
export function findInstructionEnd(lines: readonly string[], after: number): number | undefined {
  const instructions = parseDockerfile(lines.join('\n')).instructions;
  const starts = instructions.map((instruction) => instruction.line);
  // Before the first FROM (a Dockerfile with no CMD gets "line 0") an instruction has no stage to go in.
  const firstFrom = instructions.find((instruction) => instruction.keyword === 'FROM')?.line;
  if (firstFrom === undefined || after < firstFrom) return undefined;
  const start = starts.filter((line) => line <= after).at(-1);
  if (start === undefined) return after;
  const next = starts.find((line) => line > start) ?? lines.length + 1;
  let end = start;
  for (let line = start; line < next; line++) if (!/^\s*(#.*)?$/.test(lines[line - 1] ?? '')) end = line;
  return Math.max(after, end);
}

/** A fix text that is whole Dockerfile instructions (`COPY …`, `RUN …`), not a word to add inside one. */
export const isInstructionText = (text: string): boolean => /^(COPY|ADD|RUN)\s/.test(text);
