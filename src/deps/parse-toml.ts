import { parse, TomlError } from 'smol-toml';
import type { RepoPath } from '../types.js';
import { malformed } from './rules.js';
import type { Problem } from '../types.js';

export type TomlTable = Record<string, unknown>;

export const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asTable = (v: unknown): TomlTable => (isTable(v) ? v : {});

/** Parses TOML; a syntax error becomes a `dependency-file-malformed` problem at its line. */
export function parseToml(path: RepoPath, text: string): { doc: TomlTable } | { problem: Problem } {
  try {
    return { doc: parse(text) as TomlTable };
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 0;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
    return { problem: malformed(path, line, `${path}:${line}: not valid TOML (${reason})`) };
  }
}
