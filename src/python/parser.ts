import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import { ParserUnavailableError } from '../errors.js';

/**
 * tree-sitter and its Python grammar are native modules, loaded on the first
 * parse rather than at start: a hook run whose modules all come from the
 * cache, or that has nothing to check, never pays for them (~15-20 ms).
 */
const require = createRequire(import.meta.url);
let loaded: { Parser: typeof Parser; Python: Parser.Language } | undefined;
const load = () => {
  try {
    return (loaded ??= { Parser: require('tree-sitter') as typeof Parser, Python: require('tree-sitter-python') as Parser.Language });
  } catch (error) {
    throw new ParserUnavailableError(error instanceof Error ? error.message : String(error));
  }
};

/**
 * One tree-sitter parser and compiled query set per thread: creating a parser
 * and compiling queries costs far more than parsing a typical module, and a
 * parser is not shareable across worker threads anyway (each worker loads its
 * own copy of this module).
 */
let parser: Parser | undefined;
const queries = new Map<string, Parser.Query>();

export function getPythonParser(): Parser {
  if (!parser) {
    const { Parser: ParserClass, Python } = load();
    parser = new ParserClass();
    parser.setLanguage(Python);
  }
  return parser;
}

/** A query compiled once per thread, keyed by its source text. */
export function getPythonQuery(source: string): Parser.Query {
  let query = queries.get(source);
  if (!query) {
    const { Parser: ParserClass, Python } = load();
    query = new ParserClass.Query(Python, source);
    queries.set(source, query);
  }
  return query;
}

/**
 * Parses Python source. The tree holds native memory until the garbage
 * collector finalizes it (tree-sitter 0.25's Node binding has no `delete`),
 * so callers must not keep trees and should yield between large batches.
 */
export function parsePython(source: string): Parser.Tree {
  return getPythonParser().parse(source);
}

export type { Parser };
