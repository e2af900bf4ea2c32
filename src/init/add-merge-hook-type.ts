import { type Document, isMap, isScalar, isSeq } from 'yaml';

/** The hook types `pre-commit install` installs when the config names none (pre-commit's own default). */
const DEFAULT_TYPES = ['pre-commit'];

/**
 * Makes plain `pre-commit install` install the pre-merge-commit hook too, by
 * way of the config's `default_install_hook_types` (pre-commit ≥ 2.18). A
 * command printed once (`pre-commit install --hook-type pre-merge-commit`)
 * would set up this clone only; the config is committed, so every clone and
 * every teammate's `pre-commit install` gets the hook. The key goes before
 * `repos:`, where pre-commit's documentation shows it; an existing list is
 * kept and extended. Returns what changed, or undefined when nothing had to.
 */
export function addMergeHookType(doc: Document): string | undefined {
  const existing = doc.get('default_install_hook_types', true);
  if (isSeq(existing)) {
    const types = existing.items.map((item) => (isScalar(item) ? item.value : item));
    if (types.includes('pre-merge-commit')) return undefined;
    existing.add(doc.createNode('pre-merge-commit'));
    return 'add pre-merge-commit to default_install_hook_types';
  }
  if (existing !== undefined) return undefined; // not a list: pre-commit itself will reject it, say nothing of ours
  const node = doc.createNode([...DEFAULT_TYPES, 'pre-merge-commit']);
  node.flow = true;
  const pair = doc.createPair('default_install_hook_types', node);
  if (!isMap(doc.contents)) {
    doc.set('default_install_hook_types', node);
  } else {
    const repos = doc.contents.items.findIndex((item) => isScalar(item.key) && item.key.value === 'repos');
    doc.contents.items.splice(repos === -1 ? doc.contents.items.length : repos, 0, pair);
  }
  return 'set default_install_hook_types so `pre-commit install` installs the pre-merge-commit hook too';
}
