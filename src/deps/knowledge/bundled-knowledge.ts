/**
 * The bundled package knowledge, made by scripts/gen-package-knowledge.py
 * from Debian, Pyodide and a curated table: import names
 * (data/package-imports.json) and requirements and extras
 * (data/package-requirements.json) of some four thousand distributions.
 * Each file is parsed on first use only: every run matches imports, but
 * only an image whose installs resolve dependencies needs requirements.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-root.js';

export interface KnownDistribution {
  /** `debian`, `pyodide`, or `curated: <the PyPI release the row was read from>`. */
  source: string;
  /** The release the requirements were read from (`*`: every release); see `template` otherwise. */
  version?: string;
  /** The family whose template the row copies (`google-cloud-`) instead of one release's metadata. */
  template?: string;
  requires: string[];
  extras?: Record<string, string[]>;
}

interface RequirementsData {
  families: Record<string, { source: string; requires: string[] }>;
  distributions: Record<string, KnownDistribution>;
}

let requirements: RequirementsData | undefined;
let importRows: ReadonlyMap<string, readonly string[]> | undefined;

/** What the bundled data knows about one (normalised) distribution; a family row stands in for a member without its own. */
export function knownDistribution(name: string): KnownDistribution | undefined {
  requirements ??= JSON.parse(readFileSync(dataFile('package-requirements.json'), 'utf8')) as RequirementsData;
  const { distributions, families } = requirements;
  const own = Object.hasOwn(distributions, name) ? distributions[name] : undefined;
  if (own !== undefined) return own;
  // The longest matching prefix: `azure-mgmt-` before `azure-`.
  const prefix = Object.keys(families).filter((p) => name.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const family = families[prefix] as { source: string; requires: string[] };
  return { source: family.source, template: prefix, requires: family.requires.filter((r) => r !== name) };
}

/** Dotted import prefix → normalised distributions that ship it. */
export function bundledImportRows(): ReadonlyMap<string, readonly string[]> {
  importRows ??= new Map(Object.entries((JSON.parse(readFileSync(dataFile('package-imports.json'), 'utf8')) as { imports: Record<string, string[]> }).imports));
  return importRows;
}
