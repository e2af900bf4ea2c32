import type { DockerInstruction } from './parse-dockerfile.js';
import { splitWhitespace } from './split-words.js';

export interface DockerStage {
  index: number;
  /** Lower-cased `AS` name (BuildKit lower-cases stage names). */
  name: string | undefined;
  /** The FROM image text before substitution. */
  image: string;
  from: DockerInstruction;
  instructions: DockerInstruction[];
}

export interface StagedDockerfile {
  /** ARGs before the first FROM. */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  problems: Array<{ line: number; message: string }>;
}

/** Groups instructions by FROM; anything but ARG before the first FROM is a problem. */
export function splitStages(instructions: DockerInstruction[]): StagedDockerfile {
  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const problems: StagedDockerfile['problems'] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = splitWhitespace(instruction.args);
      const hasAs = words.length >= 3 && words[1]!.toLowerCase() === 'as';
      if (words.length === 0 || (words.length > 1 && !(hasAs && words.length === 3))) {
        problems.push({ line: instruction.line, message: `FROM needs "FROM <image> [AS <name>]", got "FROM ${instruction.args}"` });
      }
      const name = hasAs ? words[2]!.toLowerCase() : undefined;
      stages.push({ index: stages.length, name, image: words[0] ?? '', from: instruction, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      globalArgs.push(instruction);
    } else {
      problems.push({ line: instruction.line, message: `${instruction.keyword} before the first FROM` });
    }
  }
  return { globalArgs, stages, problems };
}

/**
 * BuildKit's lookup for `--from` / target: a stage name (case-insensitive) or
 * a 0-based index. With two stages of one name the last wins, as in BuildKit.
 */
export function findStage(stages: DockerStage[], ref: string): DockerStage | undefined {
  const lower = ref.toLowerCase();
  const byName = stages.findLast((s) => s.name === lower);
  if (byName) return byName;
  return /^\d+$/.test(ref) ? stages[Number(ref)] : undefined;
}
