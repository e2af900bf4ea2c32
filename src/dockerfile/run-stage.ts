import type { ImageFileOrigin, ImagePath, Problem, RepoPath } from '../types.js';
import { applyCopy, type CopyEnvironment } from './apply-copy.js';
import { buildRunRecord } from './build-run-record.js';
import { toCommandForm, toHealthcheck } from './command-form.js';
import { expandWord } from './expand-word.js';
import { resolveAgainst, toImageKey, toImagePath } from './image-paths.js';
import { MESSAGES } from './messages.js';
import type { DockerStage } from './split-stages.js';
import { addDir, addOpaque } from './stage-fs.js';
import { findInPlaceExtensions } from './in-place-extensions.js';
import { findRunWrites } from './find-run-writes.js';
import { findRunDirs } from './find-run-dirs.js';
import type { StageState } from './stage-state.js';
import { applyArg, applyEnv, lookupIn, type VariableScope } from './variables.js';


/** Programs whose output comes from outside the build (a clone, a download, an archive), not from its own installs or sources. */
const FETCHES = new Set(['git clone', 'curl', 'wget', 'tar', 'unzip']);
export interface StageEnvironment extends CopyEnvironment {
  buildArgs: Record<string, string>;
  globals: VariableScope;
}

/** Runs a stage's instructions over its inherited state, recording files, config, RUNs and problems. */
export function runStage(stage: DockerStage, state: StageState, env: StageEnvironment): StageState {
  const report = (line: number, rule: string, severity: Problem['severity'], message: string) =>
    env.problems.push({ rule, severity, file: env.dockerfile, line, message });
  for (const instruction of stage.instructions) {
    const { line } = instruction;
    switch (instruction.keyword) {
      case 'ARG':
        for (const name of applyArg(state.scope, instruction.args, env.escape, env.buildArgs, env.globals)) state.runEnv.refresh(name, state.scope);
        break;
      case 'ENV':
        for (const [name] of applyEnv(state.scope, instruction.args, env.escape)) {
          state.runEnv.refresh(name, state.scope);
          state.envLines[name] = line;
        }
        break;
      case 'WORKDIR': {
        const dir = expandWord(instruction.args, lookupIn(state.scope), env.escape);
        if (dir.unresolved.length > 0) report(line, 'unmodelled-source', 'warning', MESSAGES.unresolvedVariable(`WORKDIR ${instruction.args}`, dir.unresolved));
        const key = resolveAgainst(state.workdir, dir.value);
        addDir(state.fs, key);
        state.workdir = toImagePath(key);
        break;
      }
      case 'COPY':
      case 'ADD':
        applyCopy(state, instruction, env);
        break;
      case 'RUN': {
        const run = buildRunRecord(instruction, state, contextRoot(env), env.escape);
        // BuildKit builds a stage a RUN mounts (`--mount=from=builder`): its RUNs are part of the image's build.
        for (const mount of run.bindMounts) if (mount.from !== undefined) env.resolveStage(mount.from, line);
        state.runs.push(run);
        state.filesAtRun.set(line, snapshotFiles(state));
        // The folders it makes exist: a later COPY of a file to one of them copies into it.
        for (const dir of findRunDirs(run)) addDir(state.fs, toImageKey(dir));
        // What a RUN writes is unknown content, not absence (`git clone`, protoc's output, `cp`, …).
        for (const write of findRunWrites(run)) {
          if (write.unlisted) {
            addOpaque(state.fs, toImageKey(write.path), line, `RUN ${write.program}`, { unlisted: true });
            continue;
          }
          // A generator's output folder must exist for it to run (protoc does not create it).
          if (write.generated !== undefined) addDir(state.fs, toImageKey(write.path));
          addOpaque(state.fs, toImageKey(write.path), line, `RUN ${write.program}`, {
            foreign: FETCHES.has(write.program),
            writtenBy: { stage: run.stage, line, path: toImagePath(toImageKey(write.path)) },
            ...(write.generated !== undefined ? { generated: write.generated } : {}),
          });
        }
        for (const extension of findInPlaceExtensions(run, state.fs)) addOpaque(state.fs, extension.key, line, extension.reason, { generated: extension.generated });
        break;
      }
      case 'CMD':
        state.cmd = toCommandForm(instruction);
        state.cmdSet = true;
        break;
      case 'ENTRYPOINT':
        state.entrypoint = toCommandForm(instruction);
        // BuildKit drops an inherited CMD when ENTRYPOINT changes, unless this stage set CMD.
        if (!state.cmdSet) state.cmd = undefined;
        break;
      case 'HEALTHCHECK':
        state.healthcheck = toHealthcheck(instruction);
        break;
      case 'SHELL':
        if (instruction.json && instruction.json.length > 0) state.shell = instruction.json;
        else report(line, 'dockerfile-syntax', 'error', MESSAGES.shellNotJson());
        break;
      case 'USER':
        state.user = expandWord(instruction.args, lookupIn(state.scope), env.escape).value;
        break;
      default:
        break;
    }
  }
  return state;
}

/** RUNs with no COPY between them see the same files: share one snapshot. */
function snapshotFiles(state: StageState): ReadonlyMap<ImagePath, ImageFileOrigin> {
  const previous = state.lastFilesAtRun;
  const copies = state.copies.length;
  if (previous !== undefined && previous.copies === copies) return previous.files;
  const files = new Map<ImagePath, ImageFileOrigin>();
  for (const [key, origin] of state.fs.files) files.set(toImagePath(key), origin);
  state.lastFilesAtRun = { files, copies };
  return files;
}

function contextRoot(env: StageEnvironment): RepoPath | undefined {
  return env.context?.root;
}
