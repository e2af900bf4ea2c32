import type { ExternalImport, ServiceAnalysis } from '../../types.js';
import type { DistributionMap } from '../distribution-map.js';

/**
 * External imports with namespace roots expanded: `from google.cloud import
 * storage` reaches here as `google.cloud`, which names no distribution, so
 * each imported name becomes `google.cloud.storage` with its own site, the
 * guard on its own path and its full chain (recorded by the import closure).
 */
export function expandExternalImports(analysis: ServiceAnalysis, map: DistributionMap): ExternalImport[] {
  const out: ExternalImport[] = [];
  const seen = new Set<string>();
  for (const external of analysis.externalImports) {
    const expanded = map.isNamespaceRoot(external.module) ? (external.importedNames ?? []) : [external];
    for (const entry of expanded) {
      if (seen.has(entry.module)) continue;
      seen.add(entry.module);
      out.push(entry);
    }
  }
  return out;
}
