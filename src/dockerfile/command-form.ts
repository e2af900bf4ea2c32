import type { CommandForm } from '../types.js';
import { parseJsonForm, type DockerInstruction } from './parse-dockerfile.js';

/** CMD/ENTRYPOINT as written: exec form when the arguments are a JSON array, else shell form (unexpanded). */
export function toCommandForm(instruction: DockerInstruction): CommandForm {
  if (instruction.json) return { form: 'exec', args: instruction.json, line: instruction.line };
  return { form: 'shell', command: instruction.body.trim(), line: instruction.line };
}

/** `HEALTHCHECK [opts] CMD …` → its command; `HEALTHCHECK NONE` (or anything else) → undefined. */
export function toHealthcheck(instruction: DockerInstruction): CommandForm | undefined {
  const match = /^CMD\s+([\s\S]*)$/i.exec(instruction.body.trim());
  if (!match) return undefined;
  const rest = match[1]!.trim();
  const json = parseJsonForm(rest);
  if (json) return { form: 'exec', args: json, line: instruction.line };
  return { form: 'shell', command: rest, line: instruction.line };
}
