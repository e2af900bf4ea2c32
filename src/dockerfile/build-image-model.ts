import type { ImageFileOrigin, ImageModel, ImagePath, Problem, RepoPath } from '../types.js';
import { describeBaseImage } from './base-image.js';
import type { BuildContext } from './build-context.js';
import { expandWord } from './expand-word.js';
import { toImagePath } from './image-paths.js';
import { MESSAGES } from './messages.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { runStage, type StageEnvironment } from './run-stage.js';
import { findStage, splitStages, type DockerStage } from './split-stages.js';
import { createStageState, type StageState } from './stage-state.js';
import { applyArg, createGlobalScope, lookupIn } from './variables.js';

export interface ImageModelInput {
  dockerfile: RepoPath;
  text: string;
  /** Undefined when the build context is unknown: stages and config are still modelled. */
  context: BuildContext | undefined;
  buildArgs: Record<string, string>;
  target?: string;
  /**
   * The build of another Dockerfile of the repository that tags an image with
   * this reference (compose `image:`, `docker build -t`), or undefined. A
   * stage built FROM it starts from that Dockerfile's final stage.
   */
  repositoryImage?: (reference: string) => ImageModelInput | undefined;
}

/** Repository images built FROM one another: deep enough for a base → app chain, bounded against loops. */
const MAX_REPOSITORY_DEPTH = 3;

/**
 * Models the image a Dockerfile builds: the target stage's files (with
 * their repository origin), directories, config and the RUNs of every stage
 * it needs. Stages are simulated on demand, once each, as BuildKit only
 * builds what the target depends on.
 */
export function buildImageModel(input: ImageModelInput): ImageModel {
  const problems: Problem[] = [];
  const built = simulate(input, '', 0, problems);
  if (!built) return emptyModel(input.dockerfile, problems);
  const { final, states } = built;
  const runs = states.flatMap((s) => s.runs).sort((a, b) => a.line - b.line);
  return {
    dockerfile: input.dockerfile,
    target: final.label,
    baseImage: final.baseImage,
    base: describeBaseImage(final.baseImage),
    files: toImageFiles(final.fs.files),
    dirs: new Set([...final.fs.dirs].map(toImagePath)),
    opaque: final.fs.opaque.map((o) => ({ path: toImagePath(o.key), line: o.line, reason: o.reason, ...(o.buildInput ? { buildInput: true } : {}), ...(o.foreign ? { foreign: true } : {}), ...(o.generated !== undefined ? { generated: o.generated } : {}), ...(o.writtenBy ? { writtenBy: o.writtenBy } : {}), ...(o.unlisted ? { unlisted: true } : {}) })),
    copies: final.copies,
    runs,
    workdir: final.workdir,
    env: Object.fromEntries(final.scope.env),
    envLines: final.envLines,
    user: final.user,
    shell: final.shell,
    cmd: final.cmd,
    entrypoint: final.entrypoint,
    healthcheck: final.healthcheck,
    problems: problems.sort((a, b) => a.line - b.line),
    stages: states.map((s) => ({ label: s.label, parent: s.parent, baseImage: s.baseImage, base: describeBaseImage(s.baseImage), filesAtRun: s.filesAtRun })),
  };
}

/**
 * Runs one Dockerfile's stages up to its target. `prefix` tells apart the
 * stages of another Dockerfile used as a base image (`services/base/Dockerfile:0`);
 * its problems belong to its own check, so they are dropped.
 */
function simulate(input: ImageModelInput, prefix: string, depth: number, problems: Problem[]): { final: StageState; states: StageState[] } | undefined {
  const syntax = (line: number, message: string) =>
    problems.push({ rule: 'dockerfile-syntax', severity: 'error', file: input.dockerfile, line, message });
  const parsed = parseDockerfile(input.text);
  for (const p of parsed.problems) syntax(p.line, p.message);
  const { globalArgs, stages, problems: stageProblems } = splitStages(parsed.instructions);
  for (const p of stageProblems) syntax(p.line, p.message);
  if (stages.length === 0) {
    syntax(parsed.instructions.length === 0 ? 0 : 1, input.text.trim() === '' ? 'empty Dockerfile' : MESSAGES.noFrom());
    return undefined;
  }

  const globals = createGlobalScope();
  for (const arg of globalArgs) applyArg(globals, arg.args, parsed.escape, input.buildArgs, globals);
  const states = new Map<number, StageState>();
  const borrowed: StageState[] = [];
  const inProgress = new Set<number>();
  const env: StageEnvironment = {
    dockerfile: input.dockerfile, context: input.context, escape: parsed.escape, problems,
    buildArgs: input.buildArgs, globals,
    resolveStage: (ref, line) => {
      const stage = findStage(stages, ref);
      if (!stage) return undefined;
      if (inProgress.has(stage.index)) {
        syntax(line, MESSAGES.stageCycle(ref));
        return 'cycle';
      }
      return evaluate(stage);
    },
  };

  const fromRepository = (reference: string): StageState | undefined => {
    const other = depth < MAX_REPOSITORY_DEPTH ? input.repositoryImage?.(reference) : undefined;
    if (!other || other.dockerfile === input.dockerfile) return undefined;
    const built = simulate(other, `${other.dockerfile}:`, depth + 1, []);
    if (!built) return undefined;
    borrowed.push(...built.states);
    return built.final;
  };

  const evaluate = (stage: DockerStage): StageState => {
    const done = states.get(stage.index);
    if (done) return done;
    inProgress.add(stage.index);
    const image = expandWord(stage.image, lookupIn(globals), parsed.escape);
    if (image.unresolved.length > 0) {
      problems.push({ rule: 'unmodelled-source', severity: 'warning', file: input.dockerfile, line: stage.from.line,
        message: MESSAGES.unresolvedVariable(`FROM ${stage.image}`, image.unresolved) });
    }
    // FROM names an earlier stage only by its exact (lower-case) name; anything else is an image.
    // With two earlier stages of that name the later one wins, as in BuildKit.
    const parent = stages.findLast((s) => s.index < stage.index && s.name !== undefined && s.name === image.value);
    const label = prefix + (stage.name ?? String(stage.index));
    const baseImage = image.unresolved.length > 0 ? undefined : image.value;
    const parentState = parent ? evaluate(parent) : baseImage !== undefined ? fromRepository(baseImage) : undefined;
    const state = runStage(stage, createStageState(label, baseImage, parentState), env);
    inProgress.delete(stage.index);
    states.set(stage.index, state);
    return state;
  };

  let targetStage = stages[stages.length - 1]!;
  if (input.target !== undefined) {
    const found = stages.findLast((s) => s.name === input.target!.toLowerCase());
    if (found) targetStage = found;
    else syntax(0, MESSAGES.unknownTarget(input.target, stages.flatMap((s) => s.name ?? [])));
  }
  const final = evaluate(targetStage);
  return { final, states: [...borrowed, ...states.values()] };
}

function toImageFiles(files: Map<string, ImageFileOrigin>): Map<ImagePath, ImageFileOrigin> {
  const out = new Map<ImagePath, ImageFileOrigin>();
  for (const [key, origin] of files) out.set(toImagePath(key), origin);
  return out;
}

function emptyModel(dockerfile: RepoPath, problems: Problem[]): ImageModel {
  return {
    dockerfile, target: '', baseImage: undefined, base: describeBaseImage(undefined), files: new Map(), dirs: new Set([toImagePath('')]), opaque: [],
    copies: [], runs: [], workdir: toImagePath(''), env: {}, user: undefined, shell: ['/bin/sh', '-c'],
    cmd: undefined, entrypoint: undefined, healthcheck: undefined, problems,
  };
}
