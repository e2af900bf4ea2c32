import { launchSite } from '../analyze/service-roots.js';
import type { InspectedService } from '../inspect-service.js';
import type { Explanation, ExplainedInstall, ExplainedService } from './explanation.js';
import { foldImageTree, type FoldOptions } from './fold-image-tree.js';
import { locateModule } from './locate-module.js';

/**
 * Lays what a check run read of one service out as an explanation: its
 * image, sys.path, launch and installs, why it is clean or left out, and,
 * given a module, where that module was looked for. Everything comes from
 * the run's models (see `runCheck`'s inspection); nothing is decided here.
 */
export async function explainService(seen: InspectedService, module: string | undefined, fold: FoldOptions): Promise<Explanation> {
  const { analysis } = seen;
  const image = analysis.image;
  const launch = analysis.launch;
  const deps = analysis.dependencies;
  const site = image ? launchSite(analysis.service, image) : { file: analysis.service.dockerfile, line: 0 };
  return {
    version: 1,
    service: describeService(seen),
    status: seen.leftOut !== undefined ? 'unaffected' : analysis.status,
    ...(seen.leftOut !== undefined ? { reason: seen.leftOut } : analysis.reason !== undefined ? { reason: analysis.reason } : {}),
    findings: seen.findings.map((f) => ({
      code: f.code, rule: f.rule, severity: f.severity, file: f.file, line: f.line, message: f.message,
      ...(f.module !== undefined ? { module: f.module } : {}),
      evidence: f.evidence,
      ...(f.assumption !== undefined ? { assumption: f.assumption } : {}),
    })),
    ...cleanReasons(seen),
    image: image ? foldImageTree(image, fold) : { files: 0, baseImage: null, tree: [] },
    sysPath: analysis.sysPath ?? [],
    launch: {
      command: launch?.description ?? '',
      file: site.file,
      line: site.line,
      roots: (launch?.roots ?? []).map((r) => ({ root: r.kind === 'script' ? r.path : r.kind === 'module' ? r.module : r.imports.join(', '), why: r.why })),
      derived: launch !== undefined && !launch.fallback,
    },
    installs: explainInstalls(seen),
    imports: (deps?.checks ?? []).map((c) => ({ module: c.module, distribution: c.distribution, source: c.source, installed: c.installedAs !== undefined })),
    ...(module !== undefined && image ? { module: await locateModule(module, seen) } : {}),
  };
}

function describeService({ analysis }: InspectedService): ExplainedService {
  const { service, image } = analysis;
  const deps = analysis.dependencies;
  return {
    dockerfile: service.dockerfile,
    ...(service.name !== undefined ? { name: service.name } : {}),
    ...(service.variant !== undefined ? { variant: service.variant } : {}),
    context: service.context === undefined ? null : service.context || '.',
    ...(service.contextOrigin !== undefined ? { contextOrigin: service.contextOrigin } : {}),
    target: image?.target ?? '',
    baseImage: image?.baseImage ?? null,
    ...(image?.base.kind === 'unknown' ? { baseUnknown: image.base.why } : {}),
    ...(deps ? { python: `${deps.pythonVersion.version} (${deps.pythonVersion.source === 'default' ? 'default' : `from the ${deps.pythonVersion.source === 'command' ? 'command' : 'base image'}`})` } : {}),
  };
}

/** Each install the image runs, with the distributions it names and where each is named. */
function explainInstalls({ analysis }: InspectedService): ExplainedInstall[] {
  const deps = analysis.dependencies;
  if (!deps) return [];
  const from = deps.installedFrom ?? [];
  const installs = deps.installs.map((install) => ({
    ...install,
    distributions: from
      .filter((e) => e.via !== 'base-image' && (install.files.includes(e.file) || (e.file === analysis.service.dockerfile && e.line === install.line)))
      .map((e) => ({ name: e.distribution, file: e.file, line: e.line })),
  }));
  const base = from.filter((e) => e.via === 'base-image').map((e) => ({ name: e.distribution, file: e.file, line: e.line }));
  return base.length > 0 ? [{ line: 0, stage: '', tool: 'base image', files: [], inline: [], distributions: base }, ...installs] : installs;
}

/** Why a checked service has no error, in the terms of what the check verified. */
function cleanReasons({ analysis, findings, leftOut }: InspectedService): { clean?: string[] } {
  if (leftOut !== undefined || analysis.status !== 'checked' || findings.some((f) => f.severity === 'error')) return {};
  const deps = analysis.dependencies;
  const files = `the entrypoints reach ${analysis.reachedFiles.length} file${analysis.reachedFiles.length === 1 ? '' : 's'} of the image`;
  const reasons = [analysis.missing.length === 0 ? `${files}, and each of their first-party imports resolves in the image` : `${files}; no error for the ${analysis.missing.length} first-party import${analysis.missing.length === 1 ? '' : 's'} it lacks (guarded, assumed or ignored: see the warnings)`];
  const checks = deps?.checks ?? [];
  const installed = checks.filter((c) => c.installedAs !== undefined).length;
  const others = checks.length - installed;
  reasons.push(`${installed} of ${checks.length} third-party import${checks.length === 1 ? '' : 's'} matched to an installed distribution${others > 0 ? `; no error for the other ${others} (guarded, assumed or ignored: see the warnings)` : ''}`);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (warnings > 0) reasons.push(`${warnings} warning${warnings === 1 ? '' : 's'}, none blocking`);
  return { clean: reasons };
}
