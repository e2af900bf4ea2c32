/**
 * Which lock entries an install really gets: walk dependency edges from the
 * roots, each edge's marker evaluated. Three-valued: a package is `true` when
 * some path of true edges reaches it, `undefined` when only unknowable ones do.
 */
export interface LockEdge {
  to: string;
  marker: boolean | undefined;
  /** Extras of the target the edge turns on. */
  extras: string[];
}

export interface LockGraph {
  /** Edges out of a node, per activated part: `''` = plain dependencies, `extra:x`, group names. */
  edges(node: string, part: string): LockEdge[];
}

type Reach = boolean | undefined;
const rank = (r: Reach): number => (r === true ? 2 : r === undefined ? 1 : 0);
const weaker = (a: Reach, b: Reach): Reach => (rank(a) <= rank(b) ? a : b);

/** Reach of every node from the start edges (a root's dependencies of one part). */
export function reachLockedPackages(graph: LockGraph, starts: LockEdge[]): Map<string, Reach> {
  const reach = new Map<string, Reach>();
  const queue: Array<{ node: string; parts: string[]; via: Reach }> = starts.map((e) => ({
    node: e.to,
    parts: e.extras.map((x) => `extra:${x}`),
    via: e.marker,
  }));
  const visited = new Map<string, number>();
  while (queue.length > 0) {
    const { node, parts, via } = queue.shift()!;
    const key = `${node}\u0000${parts.join(',')}`;
    if ((visited.get(key) ?? -1) >= rank(via)) continue;
    visited.set(key, rank(via));
    if (!reach.has(node) || rank(via) > rank(reach.get(node))) reach.set(node, via);
    for (const part of ['', ...parts]) {
      for (const edge of graph.edges(node, part)) {
        queue.push({ node: edge.to, parts: edge.extras.map((e) => `extra:${e}`), via: weaker(via, edge.marker) });
      }
    }
  }
  return reach;
}
