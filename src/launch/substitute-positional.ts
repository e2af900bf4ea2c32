const SPLICE = new Set(['$@', '$*', '${@}', '${*}']);
const PARAM = /\$(?:\{(\d+)\}|(\d))/g;

/**
 * Puts a script's arguments in place of `"$@"`, `$1`, `$0`… (the shell
 * parser leaves positional parameters literal). `"$@"` with no arguments
 * disappears, as in sh.
 */
export function substitutePositional(words: string[], scriptName: string, args: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (SPLICE.has(word)) {
      out.push(...args);
      continue;
    }
    if (word === '$#') {
      out.push(String(args.length));
      continue;
    }
    let isOnlyParam = false;
    const replaced = word.replace(PARAM, (all, braced?: string, plain?: string) => {
      isOnlyParam = all === word;
      const n = Number(braced ?? plain);
      return n === 0 ? scriptName : (args[n - 1] ?? '');
    });
    if (!(isOnlyParam && replaced === '')) out.push(replaced);
  }
  return out;
}
