import { readWord, splitFields } from './read-word.js';

/**
 * Splits one command line into arguments the way Python's `shlex.split`
 * does: quotes and backslashes are honoured, operators are plain text, no
 * expansion. Used for option strings such as `GUNICORN_CMD_ARGS`.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const word = readWord(text, i, undefined, false);
    args.push(...splitFields(word.parts));
    i = Math.max(word.end, i + 1);
  }
  return args;
}
