import { ParserUnavailableError } from '../errors.js';
import type { ParsedModule } from '../types.js';
import { extractImports } from './extract-imports.js';
import type { EngineName } from './syntax-node.js';

/** One file to parse: `key` is the caller's name for it (a repository path, a content id…). */
export interface ParseItem {
  key: string;
  text: string;
}

/** Messages between the pool and a worker; results travel as entries because Maps clone slowly. */
export interface ParseRequest {
  id: number;
  items: ParseItem[];
}

export type ParseResponse =
  /** `engine`: which parser the worker used. */
  | { id: number; results: Array<[string, ParsedModule]>; engine: EngineName }
  /** `parserUnavailable`: the worker could load no parser engine (the error's detail and hint); no file can be parsed. */
  | { id: number; error: string; parserUnavailable?: { detail: string; hint: string | undefined } };

/** Parses a batch; a failure names the file, since it is a bug in dockguard, not a finding. */
export function parseBatch(items: readonly ParseItem[]): Array<[string, ParsedModule]> {
  return items.map((item) => {
    try {
      return [item.key, extractImports(item.text)];
    } catch (error) {
      if (error instanceof ParserUnavailableError) throw error;
      throw new Error(`parsing ${item.key} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
