import { modelService, type AnalyzeContext, type ModelledService } from '../analyze/analyze-service.js';
import type { StagedChanges } from '../git/staged-changes.js';
import { listLocalCopySources } from '../dockerfile/local-sources.js';
import { selectServices } from '../select-services.js';
import type { RepoPath, RepoSnapshot } from '../types.js';

export interface UnchangedImageInputs {
  changes: StagedChanges;
  /** Every path the check is about (staged or given). */
  paths: readonly RepoPath[];
  /** Staged modules whose edit no analysis sees (`findInvisibleEdits`). */
  invisibleEdits: ReadonlySet<RepoPath>;
  /** Reads a blob by id: the version HEAD has. */
  readBlob: (id: string) => Promise<Buffer>;
  ctx: AnalyzeContext;
}

/**
 * Drops the services that only an edit of their own Dockerfile selected,
 * when that edit leaves the modelled service unchanged: a LABEL, a comment,
 * an EXPOSE. Everything the walk and the rules read from a Dockerfile is in
 * the model (files and where they come from, commands, environment, installs,
 * suppressions, line numbers included), and the build context, dependency
 * files and modules are the same on both sides, so an equal model means equal
 * findings — the Dockerfile counterpart of `findInvisibleEdits`. (The service
 * itself was discovered from the staged Dockerfile; where its build context
 * was inferred from COPY sources, those must be equal too.)
 */
export async function dropUnchangedImages(selected: readonly ModelledService[], inputs: UnchangedImageInputs): Promise<ModelledService[]> {
  const { changes, paths, invisibleEdits, readBlob, ctx } = inputs;
  const keep = await Promise.all(
    selected.map(async (modelled) => {
      const { dockerfile } = modelled.analysis.service;
      const previousId = changes.previousIds.get(dockerfile);
      if (previousId === undefined) return true;
      const otherwiseSelected = selectServices([modelled], paths, new Set([...invisibleEdits, dockerfile])).length > 0;
      if (otherwiseSelected) return true;
      return !(await isModelUnchanged(modelled, await readBlob(previousId), ctx));
    }),
  );
  return selected.filter((_, i) => keep[i]);
}

async function isModelUnchanged(modelled: ModelledService, previousDockerfile: Buffer, ctx: AnalyzeContext): Promise<boolean> {
  const { service } = modelled.analysis;
  // An inferred build context comes from the COPY sources of every stage, modelled or not: they must match too.
  if (service.contextSource === 'inferred') {
    const sourcesOf = (text: string) => JSON.stringify(listLocalCopySources(text).map((s) => s.source));
    if (sourcesOf(previousDockerfile.toString('utf8')) !== sourcesOf((await ctx.snapshot.read(service.dockerfile)).toString('utf8'))) return false;
  }
  const snapshot: RepoSnapshot = Object.assign(Object.create(ctx.snapshot) as RepoSnapshot, {
    read: (file: RepoPath) => (file === service.dockerfile ? Promise.resolve(previousDockerfile) : ctx.snapshot.read(file)),
  });
  const before = await modelService(service, { ...ctx, snapshot });
  return before.walkable === modelled.walkable && serializeModel(before) === serializeModel(modelled);
}

/** The model as text, maps and sets included (JSON alone writes them as `{}`). */
function serializeModel(modelled: ModelledService): string {
  return JSON.stringify(modelled.analysis, (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    return value;
  });
}
