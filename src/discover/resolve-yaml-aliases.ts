import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * Replaces every alias (`*name`) of a parsed document by the node its anchor
 * names, and expands YAML merge keys (`<<: *common`, `<<: [*a, *b]`) into the
 * mapping that holds them, the way Docker Compose and GitLab CI read them:
 * keys written in the mapping win over merged ones, and among several merged
 * mappings the first wins. Compose files share a service's `build:` and
 * `command:` this way (`celeryworker: {<<: *django, command: /start-celery}`),
 * and reading the nodes without it loses those services.
 *
 * The resolved nodes keep their source ranges: a line number points at the
 * anchored text. Aliases that name no anchor, or that would nest a node in
 * itself, are left as they are (the reader then sees no value there).
 */
export function resolveYamlAliases(doc: Document): void {
  const done = new Set<Node>();
  const resolve = (node: unknown, inProgress: Set<Node>): unknown => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined || inProgress.has(target as Node)) return node;
      return resolve(target, inProgress);
    }
    if (!isMap(node) && !isSeq(node)) return node;
    if (done.has(node) || inProgress.has(node)) return node;
    const nested = new Set(inProgress).add(node);
    if (isSeq(node)) {
      node.items = node.items.map((item) => resolve(item, nested));
    } else {
      for (const pair of node.items) pair.value = resolve(pair.value, nested) as Pair['value'];
      expandMergeKeys(node, nested, resolve);
    }
    done.add(node);
    return node;
  };
  doc.contents = resolve(doc.contents, new Set()) as Document['contents'];
}

function expandMergeKeys(map: YAMLMap, inProgress: Set<Node>, resolve: (node: unknown, inProgress: Set<Node>) => unknown): void {
  const isMergePair = (pair: Pair): boolean => isScalar(pair.key) && pair.key.value === '<<' && (isMap(pair.value) || isSeq(pair.value));
  if (!map.items.some(isMergePair)) return;
  const own = map.items.filter((pair) => !isMergePair(pair));
  const seen = new Set(own.map((pair) => keyOf(pair)));
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items.map((item) => resolve(item, inProgress)) : [pair.value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const inherited of source.items) {
        if (!isPair(inherited)) continue;
        const key = keyOf(inherited);
        if (seen.has(key)) continue;
        seen.add(key);
        merged.push(inherited);
      }
    }
  }
  map.items = [...own, ...merged];
}

const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);
