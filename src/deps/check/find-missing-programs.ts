import type { ImageModel, ServiceAnalysis } from '../../types.js';
import type { MissingProgram } from '../dependency-analysis.js';
import type { InstalledSet } from '../installed/installed-set.js';
import type { InstalledClosure } from '../knowledge/close-installed.js';
import { opaqueNote } from './opaque-note.js';
import { programProvider } from '../usage-rules.js';
import { launchWords } from './launch-words.js';
import { proposePackageFix } from './propose-package-fix.js';
import { findProvidedProgram } from './provided-program.js';
import { stageChain } from '../installed/stage-chain.js';

/**
 * Programs of the container command (wrappers included) that a Python
 * distribution provides but none is installed (directly, or pulled in by
 * what is: `fastapi[standard]` brings uvicorn), and neither the base image
 * nor a COPY onto PATH supplies. What installs pull in that dockguard does
 * not know makes an absence a guess, as for imports.
 */
export function findMissingPrograms(analysis: ServiceAnalysis, installed: { set: InstalledSet; closure: InstalledClosure }, image: ImageModel): MissingProgram[] {
  const { set, closure } = installed;
  const missing: MissingProgram[] = [];
  const setNote = set.incompleteNote();
  const { line } = launchWords(analysis);
  for (const program of new Set(analysis.launch?.programs ?? [])) {
    const provider = programProvider(program);
    if (provider.kind !== 'distribution') continue;
    const present = provider.distributions.some((d) => set.has(d) || closure.pulledInBy.has(d)) || provider.viaExtras.some((v) => set.hasWithExtra(v.distribution, v.extras));
    if (present || provider.distributions.length === 0 || findProvidedProgram(image, program) !== undefined) continue;
    // `apt-get install supervisor` puts supervisord on PATH as surely as `pip install supervisor` does.
    if (installsOsPackage(set, image, [...provider.osPackages.apt, ...provider.osPackages.apk])) continue;
    // A program only a shell branch starts (`debug) exec debugpy …`) breaks nothing unless that branch runs.
    const assumption = analysis.launch?.programAssumptions?.[program];
    const incomplete = setNote ?? opaqueNote(closure, provider.distributions);
    missing.push({
      program, file: image.dockerfile, line, alternatives: provider.distributions,
      severity: incomplete === undefined && assumption === undefined ? 'error' : 'warning',
      ...(incomplete !== undefined ? { incomplete } : {}),
      ...(assumption !== undefined ? { assumption } : {}),
      fix: proposePackageFix(provider.distributions[0] as string, set, image),
    });
  }
  return missing;
}

/** Whether an apt/apk line of the final image's FROM chain installs one of `packages`. */
function installsOsPackage(set: InstalledSet, image: ImageModel, packages: readonly string[]): boolean {
  if (packages.length === 0) return false;
  return stageChain(image).some((stage) => packages.some((name) => set.systemPackages.get(stage)?.has(name) ?? false));
}
