import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

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
    parser = new Parser();
    parser.setLanguage(Python as Parser.Language);
  }
  return parser;
}

/** A query compiled once per thread, keyed by its source text. */
export function getPythonQuery(source: string): Parser.Query {
  let query = queries.get(source);
  if (!query) {
    query = new Parser.Query(Python as Parser.Language, source);
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
