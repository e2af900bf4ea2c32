import type { ExternalImport, ServiceAnalysis } from '../../types.js';
import type { DistributionMap } from '../distribution-map.js';

/**
 * External imports with namespace roots expanded: `from google.cloud import
 * storage` reaches here as `google.cloud`, which names no distribution, so
 * each imported name becomes `google.cloud.storage` at its own site.
 */
export function expandExternalImports(analysis: ServiceAnalysis, map: DistributionMap): ExternalImport[] {
  const out: ExternalImport[] = [];
  const seen = new Set<string>();
  for (const external of analysis.externalImports) {
    if (!map.isNamespaceRoot(external.module)) {
      if (!seen.has(external.module)) out.push(external);
      seen.add(external.module);
      continue;
    }
    for (const [file, parsed] of analysis.modules) {
      for (const ref of parsed.imports) {
        if (ref.level !== 0 || ref.module !== external.module) continue;
        for (const name of ref.names) {
          const module = `${ref.module}.${name}`;
          if (name === '*' || seen.has(module)) continue;
          seen.add(module);
          const site = { file, line: ref.line, module };
          const chain = file === external.file && ref.line === external.line ? [...external.chain.slice(0, -1), site] : [site];
          out.push({
            module, file, line: ref.line, guarded: ref.guarded, chain,
            ...(ref.ignoredRules ? { ignoredRules: ref.ignoredRules } : {}),
            ...(external.assumption !== undefined ? { assumption: external.assumption } : {}),
          });
        }
      }
    }
  }
  return out;
}
