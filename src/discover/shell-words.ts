import { parseShell } from '../shell/parse-shell.js';

/**
 * The simple commands of a shell line as word lists, leading `VAR=value`
 * assignments kept as words: build scripts set `DF=…` on one line and use
 * `"$DF"` on the next, and discovery follows such assignments itself.
 */
export function shellWords(text: string): string[][] {
  return parseShell(text).map((command) => [
    ...Object.entries(command.assignments).map(([name, value]) => `${name}=${value}`),
    ...command.words,
  ]);
}
