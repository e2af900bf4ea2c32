import { expandWord } from './expand-word.js';
import { isRemoteSource, normalizeSourcePath } from './normalize-source.js';
import { parseCopyArgs } from './parse-copy-args.js';
import { parseDockerfile } from './parse-dockerfile.js';
import { splitStages } from './split-stages.js';
import { applyArg, applyEnv, createGlobalScope, createScope, lookupIn, type VariableScope } from './variables.js';

/**
 * Every COPY/ADD source taken from the build context, in all stages, with
 * ARG/ENV defaults substituted and BuildKit's normalization applied. Used to
 * guess a build context before the image is modelled, so it reads no files
 * and drops what it cannot know (unresolved variables, URLs, heredocs).
 */
export function listLocalCopySources(text: string): Array<{ source: string; line: number }> {
  try {
    return collectSources(text);
  } catch {
    // Guessing a context must not break on a malformed Dockerfile; the model reports it.
    return [];
  }
}

function collectSources(text: string): Array<{ source: string; line: number }> {
  const parsed = parseDockerfile(text);
  const { globalArgs, stages } = splitStages(parsed.instructions);
  const escape = parsed.escape;
  const globals = createGlobalScope();
  for (const arg of globalArgs) applyArg(globals, arg.args, escape, {}, globals);
  const scopes = new Map<string, VariableScope>();
  const found: Array<{ source: string; line: number }> = [];
  for (const stage of stages) {
    const base = expandWord(stage.image, lookupIn(globals), escape).value.toLowerCase();
    const scope = createScope(scopes.get(base));
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG') applyArg(scope, instruction.args, escape, {}, globals);
      else if (instruction.keyword === 'ENV') applyEnv(scope, instruction.args, escape);
      else if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((f) => f.name === 'from')) {
        const copy = parseCopyArgs(instruction);
        for (const raw of copy?.sources ?? []) {
          const { value, unresolved } = expandWord(raw, lookupIn(scope), escape);
          if (unresolved.length > 0 || isRemoteSource(value)) continue;
          found.push({ source: normalizeSourcePath(value), line: instruction.line });
        }
      }
    }
    if (stage.name) scopes.set(stage.name, scope);
  }
  return found;
}
