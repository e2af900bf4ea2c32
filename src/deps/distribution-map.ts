/**
 * Which distributions can provide an import. Sources in precedence order:
 * the user's `packageMap` config; the developer's virtualenv, the hand-written
 * table (data/import-map.json) and the generated knowledge
 * (data/package-imports.json), the longest prefix winning; then, as
 * guesses, a namespace rule's pattern and finally the import's own name.
 */
import { dataFile } from '../package-root.js';
import { readFileSync } from 'node:fs';
import { normalizeName } from './normalize-name.js';
import type { VenvIndex } from './venv-metadata.js';
import { bundledImportRows } from './knowledge/bundled-knowledge.js';

export type CandidateSource = 'config' | 'venv' | 'bundled' | 'knowledge' | 'identity';

export interface DistributionCandidate {
  /** PEP 503-normalised distribution name. */
  distribution: string;
  source: CandidateSource;
  /** The import prefix that matched (`google.cloud.bigquery` for `google.cloud.bigquery.table`). */
  prefix: string;
  /**
   * The distribution is only inferred from the import's spelling (the import's own name, or a
   * namespace rule's pattern), not read from any table: the real one may be named otherwise.
   */
  isGuess?: boolean;
}

export interface DistributionMap {
  /** Any one candidate satisfies the import; empty for a bare namespace root (see `isNamespaceRoot`). */
  candidatesFor(module: string): DistributionCandidate[];
  /**
   * True for a PEP 420 namespace such as `google.cloud`: importing it names no distribution, so
   * `from google.cloud import storage` must be looked up as `google.cloud.storage`.
   */
  isNamespaceRoot(module: string): boolean;
  /**
   * Whether the modules this (normalised) distribution ships are known: some row of the config,
   * the virtualenv, the hand table or the generated knowledge maps an import to it. Only then can
   * dockguard say that it does not provide a module.
   */
  knowsModulesOf(distribution: string): boolean;
}

interface ImportMapData {
  modules: Record<string, string[]>;
  namespaces: Record<string, { depth: number; prefix?: string }>;
}

// data/ sits at the package root, two levels above both src/deps/ and dist/deps/.
const BUNDLED = JSON.parse(readFileSync(dataFile('import-map.json'), 'utf8')) as ImportMapData;

const bundled: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(BUNDLED.modules));
const namespaces: ReadonlyMap<string, { depth: number; prefix?: string }> = new Map(Object.entries(BUNDLED.namespaces));

const VERSION_SUFFIX = /_v\d+(?:p\d+)?(?:(?:alpha|beta)\d*)?$/;

export function createDistributionMap(options: { packageMap?: Record<string, string>; venv?: VenvIndex } = {}): DistributionMap {
  const config = new Map(Object.entries(options.packageMap ?? {}).map(([prefix, dist]) => [prefix, [dist]]));

  const isNamespaceRoot = (module: string): boolean =>
    !config.has(module) && (namespaces.has(module) || (options.venv?.namespaces.has(module) ?? false)) &&
    !(options.venv?.modules.has(module) ?? false) && !bundled.has(module);

  // Services of one repository ask about the same modules over and over.
  const cache = new Map<string, DistributionCandidate[]>();
  function candidatesFor(module: string): DistributionCandidate[] {
    let candidates = cache.get(module);
    if (candidates === undefined) cache.set(module, (candidates = findCandidates(module)));
    return candidates.map((c) => ({ ...c }));
  }

  function findCandidates(module: string): DistributionCandidate[] {
    const fromConfig = lookup(config, module, 'config');
    if (fromConfig.length > 0) return fromConfig;
    const found = dedupe(longestOnly([
      ...(options.venv ? lookup(options.venv.modules, module, 'venv') : []),
      ...lookupBundled(module),
      // The developer's virtualenv outranks the generated data: a namespace it shows is one here.
      ...lookup(bundledImportRows(), module, 'knowledge').filter((c) => !(options.venv?.namespaces.has(c.prefix) ?? false)),
    ]));
    if (found.length > 0 || isNamespaceRoot(module)) return found;
    return [identityOf(module)];
  }

  /** The module's own name: its top level, or one segment below a namespace the venv knows (`acme.billing`). */
  function identityOf(module: string): DistributionCandidate {
    const parent = module.includes('.') ? module.slice(0, module.lastIndexOf('.')) : undefined;
    const namespace = parent !== undefined && options.venv ? longestPrefix(options.venv.namespaces, parent) : undefined;
    const prefix = module.split('.').slice(0, namespace === undefined ? 1 : segmentCount(namespace) + 1).join('.');
    return { distribution: normalizeName(prefix), source: 'identity', prefix, isGuess: true };
  }

  /** Table rows and namespace rules compete on prefix length; the longer, more specific one wins. */
  function lookupBundled(module: string): DistributionCandidate[] {
    const row = longestPrefix(bundled, module);
    // A namespace root itself names no distribution; the rule applies only below it.
    const namespace = namespaces.has(module) ? undefined : longestPrefix(namespaces, module);
    if (namespace !== undefined && (row === undefined || segmentCount(namespace) > segmentCount(row))) {
      const rule = namespaces.get(namespace) as { depth: number; prefix?: string };
      const segments = module.split('.').slice(0, rule.depth);
      const prefix = segments.join('.');
      segments[segments.length - 1] = (segments[segments.length - 1] as string).replace(VERSION_SUFFIX, '');
      return [{ distribution: normalizeName((rule.prefix ?? '') + segments.join('-')), source: 'bundled', prefix, isGuess: true }];
    }
    return lookup(bundled, module, 'bundled');
  }

  let mapped: Set<string> | undefined;
  function knowsModulesOf(distribution: string): boolean {
    if (mapped === undefined) {
      mapped = new Set<string>();
      const tables = [config, bundled, bundledImportRows(), ...(options.venv ? [options.venv.modules] : [])];
      for (const table of tables) for (const dists of table.values()) for (const dist of dists) mapped.add(normalizeName(dist));
    }
    return mapped.has(normalizeName(distribution));
  }

  return { candidatesFor, isNamespaceRoot, knowsModulesOf };
}

function lookup(table: ReadonlyMap<string, readonly string[]>, module: string, source: CandidateSource): DistributionCandidate[] {
  const prefix = longestPrefix(table, module);
  if (prefix === undefined) return [];
  return (table.get(prefix) ?? []).map((dist) => ({ distribution: normalizeName(dist), source, prefix }));
}

/** Longest key equal to `module` or to a dotted prefix of it (`a.b` matches `a.b.c`, not `a.bc`). */
function longestPrefix(table: { has(key: string): boolean }, module: string): string | undefined {
  for (let prefix = module; ; prefix = prefix.slice(0, prefix.lastIndexOf('.'))) {
    if (table.has(prefix)) return prefix;
    if (!prefix.includes('.')) return undefined;
  }
}

/**
 * Tables are matched on the longest prefix any of them knows: a row for `google.cloud.storage`
 * beats a namespace guess for `google.cloud`; a guess loses to a table row of the same length.
 */
function longestOnly(candidates: DistributionCandidate[]): DistributionCandidate[] {
  const depth = (c: DistributionCandidate): number => segmentCount(c.prefix) * 2 + (c.isGuess ? 0 : 1);
  const best = Math.max(...candidates.map(depth));
  return candidates.filter((c) => depth(c) === best || (c.source === 'venv' && !c.isGuess));
}

function segmentCount(prefix: string): number {
  return prefix.split('.').length;
}

function dedupe(candidates: DistributionCandidate[]): DistributionCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.distribution) && seen.add(c.distribution));
}
