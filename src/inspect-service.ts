import { modelService, walkService, type AnalyzeContext, type ModelledService } from './analyze/analyze-service.js';
import type { CheckScope } from './check-scope.js';
import type { BuildContext } from './dockerfile/build-context.js';
import type { Finding, RepoPath, RepoSnapshot, ServiceAnalysis, ServiceSpec } from './types.js';

export const NOTHING_RELEVANT = 'nothing that can change an image is part of this check';

/**
 * One service looked at inside a check run (`dockguard explain`): the same
 * discovery, scope, models and walk as the check, kept instead of reduced to
 * findings, so that an explanation can never differ from what check decides.
 */
export interface Inspection<T> {
  /** Picks the service among those discovered (throws a DockguardError when none fits). */
  pick(specs: readonly ServiceSpec[], excluded: readonly RepoPath[], root: string): ServiceSpec;
  /** Reads what the run knows of it, while the repository snapshot is still open. */
  read(service: InspectedService): Promise<T> | T;
}

export interface InspectedService {
  analysis: ServiceAnalysis;
  context: BuildContext | undefined;
  /** Why this check left the service out (unaffected by the paths or staged changes); undefined when it was checked. */
  leftOut: string | undefined;
  /** The check's findings for this service (none when it was left out). */
  findings: Finding[];
  snapshot: RepoSnapshot;
  ctx: AnalyzeContext;
}

export interface ScopeSteps {
  reachable: readonly ServiceSpec[];
  unaffected: readonly ServiceSpec[];
  selectedByPath: readonly ModelledService[];
  selected: readonly ModelledService[];
  analyses: readonly ServiceAnalysis[];
  findings: readonly Finding[];
  scope: CheckScope;
  invisible: ReadonlySet<RepoPath>;
  ctx: AnalyzeContext;
}

/**
 * The inspected service as the check saw it; one the check left out is
 * modelled and walked here all the same, with the step that left it out.
 */
export async function inspectService(spec: ServiceSpec, steps: ScopeSteps): Promise<InspectedService> {
  const { ctx } = steps;
  const findings = steps.findings.filter((f) => f.service === spec.dockerfile && f.variant === spec.variant);
  const checked = steps.selected.find((m) => m.analysis.service === spec);
  if (checked) {
    const analysis = steps.analyses.find((a) => a.service === spec)!;
    return { analysis, context: checked.context, leftOut: undefined, findings, snapshot: ctx.snapshot, ctx };
  }
  const modelled = await modelService(spec, ctx);
  const analysis = modelled.walkable ? await walkService(modelled, ctx) : modelled.analysis;
  const leftOut = whyLeftOut(spec, steps);
  return { analysis, context: modelled.context, leftOut, findings: [], snapshot: ctx.snapshot, ctx };
}

/** The step of the check that left a service out, in words (see filterReachable, isUnaffected, selectServices, dropUnchangedImages). */
function whyLeftOut(spec: ServiceSpec, steps: ScopeSteps): string {
  const paths = steps.scope.paths ?? [];
  const listed = paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
  const context = spec.context === undefined ? 'its unknown build context' : `its build context ${spec.context || '.'}`;
  const invisible = steps.invisible.size > 0 ? `; the staged edits of ${[...steps.invisible].join(', ')} change no import or usage dockguard reads` : '';
  if (steps.scope.nothingRelevant) return `${NOTHING_RELEVANT}: no changed path is Python, a Dockerfile, a dependency or build file`;
  if (!steps.reachable.includes(spec)) {
    return `no changed file is in this image's context: of the changed ${listed}, none is its Dockerfile, an ignore file, the file that names its context, or within reach of a COPY/ADD source in ${context}${invisible}`;
  }
  if (steps.unaffected.includes(spec)) {
    return `its last clean check still holds: every staged file it reads (${listed}) has the same imports and usages as then, and nothing was added or removed where it copies`;
  }
  if (!steps.selectedByPath.some((m) => m.analysis.service === spec)) {
    return `no changed file is in this image: of the changed ${listed}, the image holds none, and none is its Dockerfile, an ignore file or its build file${invisible}`;
  }
  return 'only its Dockerfile changed, and the image it models is the same before and after the change (a comment, LABEL or EXPOSE)';
}

