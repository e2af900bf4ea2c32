/**
 * The part of a tree-sitter syntax tree the analysis reads, shared by both
 * engines (the native binding and its WebAssembly build). Naming only what is
 * used keeps the two interchangeable: a member one engine lacks is a compile
 * error here, not a crash on the machines that fall back.
 */
export interface Point {
  row: number;
  /** In UTF-16 code units with both engines (they parse the JS string as UTF-16). */
  column: number;
}

export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  /** Offsets in UTF-16 code units of the source string. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly namedChildren: SyntaxNode[];
  readonly firstNamedChild: SyntaxNode | null;
  readonly parent: SyntaxNode | null;
  readonly hasError: boolean;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  descendantsOfType(types: string | string[]): SyntaxNode[];
  descendantForIndex(index: number): SyntaxNode | null;
}

export interface SyntaxQuery {
  captures(node: SyntaxNode): Array<{ name: string; node: SyntaxNode }>;
}

export type EngineName = 'native' | 'wasm';

/** One way to parse Python; loaded once per thread. */
export interface PythonEngine {
  readonly name: EngineName;
  /** Parses and hands the root to `read`; the tree is released when `read` returns, so no node may outlive it. */
  withTree<T>(source: string, read: (root: SyntaxNode) => T): T;
  /** A query compiled once per thread, keyed by its source text. */
  query(source: string): SyntaxQuery;
  /** A node's start offset and row, by the cheapest route the engine has. */
  nodeStart(node: SyntaxNode): { offset: number; row: number };
}
