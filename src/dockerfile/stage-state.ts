import { asImagePath, type CommandForm, type CopyRecord, type ImageFileOrigin, type ImagePath, type RunRecord } from '../types.js';
import { baseImagePath } from './base-image.js';
import { RunEnv } from './run-env.js';
import { createStageFs, LINUX_BASE_DIRS, type StageFs } from './stage-fs.js';
import { createScope, type VariableScope } from './variables.js';

/** Everything a stage carries: its filesystem and image config, as inherited by `FROM <stage>`. */
export interface StageState {
  /** Stage name, or its index as a string. */
  label: string;
  fs: StageFs;
  scope: VariableScope;
  /** The line of the ENV that last set each variable (inherited through `FROM <stage>`). */
  envLines: Record<string, number>;
  workdir: ImagePath;
  user: string | undefined;
  shell: string[];
  cmd: CommandForm | undefined;
  entrypoint: CommandForm | undefined;
  healthcheck: CommandForm | undefined;
  /** CMD set in this very stage: an ENTRYPOINT then keeps it (BuildKit's `cmdSet`). */
  cmdSet: boolean;
  baseImage: string | undefined;
  /** COPY/ADD of this stage and the stages it descends from. */
  copies: CopyRecord[];
  /** RUN of this stage only. */
  runs: RunRecord[];
  /** Label of the stage this one is built `FROM`, when it is a stage. */
  parent: string | undefined;
  /** Files of this stage when each of its RUNs starts, by RUN line. */
  filesAtRun: Map<number, ReadonlyMap<ImagePath, ImageFileOrigin>>;
  /** The last of those, and how many COPYs the stage had then (RUNs with no COPY between them share it). */
  lastFilesAtRun?: { files: ReadonlyMap<ImagePath, ImageFileOrigin>; copies: number };
  /** The variables a RUN sees. */
  runEnv: RunEnv;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const isScratch = (image: string): boolean => image.trim().toLowerCase() === 'scratch';

export function createStageState(label: string, baseImage: string | undefined, parent?: StageState): StageState {
  // The base image's own PATH: `ENV PATH=/opt/venv/bin:$PATH` extends it, it does not replace it.
  const scope = createScope(parent?.scope, parent ? undefined : new Map([['PATH', baseImagePath(baseImage)]]));
  const runEnv = RunEnv.inherit(parent?.runEnv);
  if (!parent) for (const name of scope.env.keys()) runEnv.refresh(name, scope);
  return {
    label,
    fs: createStageFs(parent?.fs, parent || baseImage === undefined || isScratch(baseImage) ? [] : LINUX_BASE_DIRS),
    scope,
    envLines: { ...parent?.envLines },
    workdir: parent?.workdir ?? asImagePath('/'),
    user: parent?.user,
    shell: parent?.shell ?? DEFAULT_SHELL,
    cmd: parent?.cmd,
    entrypoint: parent?.entrypoint,
    healthcheck: parent?.healthcheck,
    cmdSet: false,
    baseImage: parent ? parent.baseImage : baseImage,
    copies: [...(parent?.copies ?? [])],
    runs: [],
    parent: parent?.label,
    filesAtRun: new Map(),
    runEnv,
  };
}
