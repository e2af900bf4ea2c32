import type { DockerFlag, DockerInstruction } from './parse-dockerfile.js';
import type { Heredoc } from './read-heredocs.js';
import { splitWhitespace } from './split-words.js';

export interface CopyArgs {
  /** Source words as written (before substitution); heredocs excluded. */
  sources: string[];
  /** Heredocs used as sources, with their bodies. */
  heredocs: Heredoc[];
  dest: string;
}

/** Splits COPY/ADD arguments into sources and destination; undefined when fewer than two. */
export function parseCopyArgs(instruction: DockerInstruction): CopyArgs | undefined {
  const words = instruction.json ?? splitWhitespace(instruction.args);
  if (words.length < 2) return undefined;
  const sources: string[] = [];
  const heredocs: Heredoc[] = [];
  for (const word of words.slice(0, -1)) {
    if (instruction.json || !word.startsWith('<<')) {
      sources.push(word);
      continue;
    }
    const name = word.replace(/^<<-?/, '').replace(/^["']|["']$/g, '');
    heredocs.push(instruction.heredocs.find((h) => h.name === name) ?? { name, content: '', line: instruction.line, quoted: false });
  }
  return { sources, heredocs, dest: words[words.length - 1]! };
}

/** Last value of a flag (`--from=x`), or undefined when absent. */
export function flagValue(flags: DockerFlag[], name: string): string | undefined {
  let value: string | undefined;
  for (const flag of flags) if (flag.name === name) value = flag.value ?? '';
  return value;
}

/** Every value of a repeatable flag (`--exclude`). */
export function flagValues(flags: DockerFlag[], name: string): string[] {
  return flags.filter((f) => f.name === name && f.value !== null).map((f) => f.value!);
}

/** `--parents` / `--parents=true`; `--parents=false` turns it off. */
export function isFlagOn(flags: DockerFlag[], name: string): boolean {
  const value = flagValue(flags, name);
  return value !== undefined && value !== 'false';
}
