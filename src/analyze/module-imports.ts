import type { ResolveResult } from '../python/module-finder.js';
import type { ImportRef, ParsedModule } from '../types.js';
import { importTarget, type ImportTarget } from './import-targets.js';

/**
 * True when the import failed below a regular package of the service's own
 * code: only that package's folder can hold the submodule, so no installed
 * distribution can provide it (a namespace package could be extended by one).
 */
export function insideFirstPartyPackage(resolution: ResolveResult): boolean {
  if (resolution.found || resolution.resolved === 0) return false;
  // Below a regular package, Python looks only inside it (a namespace sub-package included): all first-party.
  const top = resolution.executed[0];
  return top !== undefined && !top.module.includes('.') && top.file.endsWith('/__init__.py');
}

/**
 * Absolute targets of a module's imports. The same file is walked by many
 * services, almost always under the same package name, so this is worked
 * out once per parsed module and package.
 */
const targetCache = new WeakMap<ParsedModule, { pkg: string; targets: Array<{ ref: ImportRef; target: ImportTarget }> }>();

export function targetsOf(parsed: ParsedModule, pkg: string): Array<{ ref: ImportRef; target: ImportTarget }> {
  const cached = targetCache.get(parsed);
  if (cached?.pkg === pkg) return cached.targets;
  const targets: Array<{ ref: ImportRef; target: ImportTarget }> = [];
  for (const ref of parsed.imports) {
    const target = importTarget(ref, pkg);
    if (target) targets.push({ ref, target });
  }
  targetCache.set(parsed, { pkg, targets });
  return targets;
}
