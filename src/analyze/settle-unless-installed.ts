import type { ServiceAnalysis } from '../types.js';

/**
 * Settles the first-party findings that stand only when no install provides
 * the module (`MissingModule.unlessInstalled`: a repository folder that is
 * not known to be on the image's sys.path). Python imports an installed
 * distribution of that name, so such a module is the service's own only
 * when the dependency side found nothing installed for it; then one finding
 * remains, the missing copy, instead of a second one that says to pip-install
 * the service's own code.
 */
export function settleUnlessInstalled(analysis: ServiceAnalysis): void {
  // A repository folder the image lacks does not shadow site-packages: what an install provides is imported.
  const provided = new Set(analysis.dependencies?.providedModules ?? []);
  if (provided.size > 0) analysis.missing = analysis.missing.filter((m) => !(m.unlessProvided && provided.has(m.module)));
  if (!analysis.missing.some((m) => m.unlessInstalled)) return;
  const dependencies = analysis.dependencies;
  const notInstalled = new Map((dependencies?.missingPackages ?? []).map((p) => [p.module, p]));
  const settled = new Set<string>();
  analysis.missing = analysis.missing.flatMap((missing) => {
    if (!missing.unlessInstalled || dependencies === undefined) return [missing];
    const unprovided = notInstalled.get(missing.module);
    if (unprovided === undefined) return [];
    settled.add(missing.module);
    if (unprovided.incomplete === undefined || missing.assumption !== undefined) return [missing];
    return [{ ...missing, assumption: `an install dockguard cannot see may provide a distribution named ${missing.module.split('.')[0]}: ${unprovided.incomplete}` }];
  });
  if (dependencies) dependencies.missingPackages = dependencies.missingPackages.filter((p) => !settled.has(p.module));
}
