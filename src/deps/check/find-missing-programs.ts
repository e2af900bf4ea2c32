import type { ImageModel, ServiceAnalysis } from '../../types.js';
import type { MissingProgram } from '../dependency-analysis.js';
import type { InstalledSet } from '../installed/installed-set.js';
import { programProvider } from '../usage-rules.js';
import { launchWords } from './launch-words.js';
import { proposePackageFix } from './propose-package-fix.js';
import { findProvidedProgram } from './provided-program.js';

/**
 * Programs of the container command (wrappers included) that a Python
 * distribution provides but none is installed, and neither the base image
 * nor a COPY onto PATH supplies.
 */
export function findMissingPrograms(analysis: ServiceAnalysis, set: InstalledSet, image: ImageModel): MissingProgram[] {
  const missing: MissingProgram[] = [];
  const incomplete = set.incompleteNote();
  const { line } = launchWords(analysis);
  for (const program of new Set(analysis.launch?.programs ?? [])) {
    const provider = programProvider(program);
    if (provider.kind !== 'distribution') continue;
    const installed = provider.distributions.some((d) => set.has(d)) || provider.viaExtras.some((v) => set.hasWithExtra(v.distribution, v.extras));
    if (installed || provider.distributions.length === 0 || findProvidedProgram(image, program) !== undefined) continue;
    missing.push({
      program, file: image.dockerfile, line, alternatives: provider.distributions,
      severity: incomplete === undefined ? 'error' : 'warning',
      ...(incomplete !== undefined ? { incomplete } : {}),
      fix: proposePackageFix(provider.distributions[0] as string, set, image),
    });
  }
  return missing;
}
