import { splitArgs } from '../../shell/split-args.js';
import type { CommandForm, ServiceAnalysis } from '../../types.js';

/** Words of the container's command (ENTRYPOINT + CMD, or the configured one), and its Dockerfile line. */
export function launchWords(analysis: ServiceAnalysis): { words: string[]; line: number } {
  const image = analysis.image;
  const override = analysis.service.entrypoint;
  const line = image?.cmd?.line ?? image?.entrypoint?.line ?? 0;
  if (override !== undefined) return { words: typeof override === 'string' ? splitText(override) : override, line };
  const words = [image?.entrypoint, image?.cmd, image?.healthcheck].flatMap((c) => wordsOf(c));
  // gunicorn reads options from the environment too (`-k uvicorn.workers.UvicornWorker`).
  return { words: [...words, ...splitText(image?.env.GUNICORN_CMD_ARGS ?? '')], line };
}

function wordsOf(command: CommandForm | undefined): string[] {
  if (command === undefined) return [];
  return command.form === 'exec' ? command.args : splitText(command.command);
}

function splitText(text: string): string[] {
  try {
    return splitArgs(text);
  } catch {
    return text.split(/\s+/).filter(Boolean);
  }
}
