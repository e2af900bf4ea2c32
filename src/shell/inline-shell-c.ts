import { parseShell } from './parse-shell.js';
import type { ShellCommand } from './shell-command.js';

const SHELLS = /^(?:ba|da|a|z|k)?sh$/;
/** `sh -c '…'` inside `sh -c '…'`: deep enough for real RUNs, bounded against pathological nesting. */
const MAX_DEPTH = 3;

/**
 * Puts the commands of `sh -c '…'`, `bash -lc "…"` and `/bin/bash -o
 * pipefail -c '…'` in place of the shell call, so every reader of a RUN
 * (installs, writes, wheel builds) sees the commands the quoted text runs
 * instead of one opaque `bash` command. Lines inside the text count from
 * the shell call's line.
 */
export function inlineShellC(commands: readonly ShellCommand[], env: Record<string, string> | undefined, depth = 0): ShellCommand[] {
  if (depth >= MAX_DEPTH || !commands.some((c) => shellText(c.words) !== undefined)) return commands as ShellCommand[];
  const out: ShellCommand[] = [];
  for (const command of commands) {
    const text = shellText(command.words);
    if (text === undefined) {
      out.push(command);
      continue;
    }
    const inner = inlineShellC(parseShell(text, env ? { env } : {}), env, depth + 1);
    inner.forEach((c, i) => {
      const placed: ShellCommand = { ...c, line: command.line + c.line - 1 };
      if (i === 0) {
        if (command.separatorBefore) placed.separatorBefore = command.separatorBefore;
        else delete placed.separatorBefore;
      }
      out.push(placed);
    });
  }
  return out;
}

/** The command text a shell call runs (`-c TEXT`), or undefined when it runs a file or reads stdin. */
export function shellText(words: readonly string[]): string | undefined {
  const program = words[0]?.split('/').at(-1) ?? '';
  if (!SHELLS.test(program)) return undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    // `-o pipefail`, `+o posix`: the option name is the next word.
    if (word === '-o' || word === '+o' || word === '-O' || word === '+O') {
      i++;
      continue;
    }
    if (word === '--') return undefined;
    if (!/^[-+]/.test(word) || word.startsWith('--')) {
      if (word.startsWith('--')) continue; // `--login`, `--noprofile`
      return undefined;
    }
    if (word.startsWith('-') && word.slice(1).includes('c')) return words[i + 1];
    if (/[oO]/.test(word.slice(1))) i++; // `-euxo pipefail`
  }
  return undefined;
}
