/**
 * The bundled package knowledge (data/package-knowledge.json, made by
 * scripts/gen-package-knowledge.py from Debian, Pyodide and a curated table):
 * import names, requirements and extras of some four thousand distributions.
 * Parsed on first use only, so a run that never asks pays nothing for it.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-root.js';

export interface KnownDistribution {
  /** `debian`, `pyodide`, or `curated: <the PyPI release the row was read from>`. */
  source: string;
  imports: string[];
  requires: string[];
  extras?: Record<string, string[]>;
}

interface KnowledgeData {
  families: Record<string, { source: string; requires: string[] }>;
  distributions: Record<string, KnownDistribution>;
}

let data: KnowledgeData | undefined;
let importRows: Map<string, string[]> | undefined;

function load(): KnowledgeData {
  data ??= JSON.parse(readFileSync(dataFile('package-knowledge.json'), 'utf8')) as KnowledgeData;
  return data;
}

/** What the bundled data knows about one (normalised) distribution; a family row stands in for a member without its own. */
export function knownDistribution(name: string): KnownDistribution | undefined {
  const { distributions, families } = load();
  const own = Object.hasOwn(distributions, name) ? distributions[name] : undefined;
  if (own !== undefined) return own;
  // The longest matching prefix: `azure-mgmt-` before `azure-`.
  const prefix = Object.keys(families).filter((p) => name.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const family = families[prefix] as { source: string; requires: string[] };
  return { source: family.source, imports: [], requires: family.requires.filter((r) => r !== name) };
}

/** Dotted import prefix → normalised distributions that ship it. */
export function bundledImportRows(): ReadonlyMap<string, readonly string[]> {
  if (importRows === undefined) {
    importRows = new Map();
    for (const [name, row] of Object.entries(load().distributions)) {
      for (const prefix of row.imports) {
        const list = importRows.get(prefix);
        if (list === undefined) importRows.set(prefix, [name]);
        else list.push(name);
      }
    }
  }
  return importRows;
}
