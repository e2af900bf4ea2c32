import path from 'node:path/posix';

/** xargs options that take the next word as their value. */
const WITH_VALUE = new Set(['-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var']);

/** The command `xargs` runs, and where it reads the words it appends to it. */
export interface XargsCall {
  /** The command, without xargs' own options, and without `-I`'s placeholder. */
  words: string[];
  /** `-a FILE` / `--arg-file=FILE`: the words come from that file, not standard input. */
  argFile: string | undefined;
}

/**
 * Reads `xargs [options] command…`: `xargs -a pkgs.txt pip install`,
 * `cat pkgs.txt | xargs -n1 pip install`. Undefined for any other command,
 * or for xargs without a command (it runs `echo`).
 */
export function readXargs(words: readonly string[]): XargsCall | undefined {
  if (path.basename(words[0] ?? '') !== 'xargs') return undefined;
  let argFile: string | undefined;
  let placeholder: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-a' || word === '--arg-file') argFile = words[++i];
    else if (word.startsWith('--arg-file=')) argFile = word.slice('--arg-file='.length);
    else if (/^-a./.test(word)) argFile = word.slice(2);
    else if (word === '-I') placeholder = words[++i];
    else if (/^-I./.test(word) || /^--replace=/.test(word)) placeholder = word.replace(/^-I|^--replace=/, '');
    else if (word === '-i' || word === '--replace') placeholder = '{}';
    else if (WITH_VALUE.has(word)) i++;
    else if (!word.startsWith('-')) {
      const command = words.slice(i).filter((w) => placeholder === undefined || w !== placeholder);
      return { words: command, argFile };
    }
  }
  return undefined;
}
