import type { ImageModel } from '../../types.js';

/** The target stage and the stages it is built `FROM`, nearest first. */
export function stageChain(image: ImageModel, label: string = image.target): string[] {
  const parents = new Map((image.stages ?? []).map((s) => [s.label, s.parent]));
  const chain: string[] = [];
  for (let at: string | undefined = label; at !== undefined && !chain.includes(at); at = parents.get(at)) chain.push(at);
  return chain;
}

/**
 * Stages the final image copies files from (`COPY --from=<stage>`, or a
 * RUN's bind mount of one), each with the source paths it takes, followed
 * through their own FROM chains. Sources of `--from` are absolute in the
 * source stage.
 */
export function copiedStages(image: ImageModel): Map<string, string[]> {
  const labels = new Set((image.stages ?? []).map((s) => s.label));
  const copied = new Map<string, string[]>();
  for (const copy of image.copies) {
    // A stage of another Dockerfile used as the base image is labelled `<its Dockerfile>:<name>`.
    const from = copy.from === undefined ? undefined : `${copy.stage.slice(0, copy.stage.lastIndexOf(':') + 1)}${copy.from}`;
    if (from === undefined || !labels.has(from)) continue;
    const sources = copy.sources.map((s) => (s.startsWith('/') ? s : `/${s}`).replace(/\/+$/, '') || '/');
    for (const stage of stageChain(image, from)) copied.set(stage, [...(copied.get(stage) ?? []), ...sources]);
  }
  // A RUN's bind mount of another stage's folder (`--mount=type=bind,from=builder,source=/wheels`) reads it like a COPY.
  for (const run of image.runs) {
    for (const mount of run.bindMounts) {
      const from = mount.from === undefined ? undefined : `${run.stage.slice(0, run.stage.lastIndexOf(':') + 1)}${mount.from}`;
      if (from === undefined || mount.source === undefined || !labels.has(from)) continue;
      for (const stage of stageChain(image, from)) copied.set(stage, [...(copied.get(stage) ?? []), mount.source]);
    }
  }
  return copied;
}
