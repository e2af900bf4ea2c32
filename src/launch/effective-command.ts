import type { ImageModel } from '../types.js';

/** A CMD/ENTRYPOINT without its line (a configured command has none). */
type Form = { form: 'exec'; args: string[] } | { form: 'shell'; command: string };

/** The argv the container starts with, and how to name it to a user. */
export interface EffectiveCommand {
  /** Undefined when the image has nothing to run. */
  argv: string[] | undefined;
  description: string;
  /** Dockerfile line to report against (ENTRYPOINT first, then CMD); 0 when none. */
  line: number;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

/**
 * Docker's ENTRYPOINT × CMD table. A configured or compose `command:`
 * replaces CMD (a string is shell form), never ENTRYPOINT; a shell-form
 * ENTRYPOINT ignores CMD altogether.
 */
export function computeEffectiveCommand(image: ImageModel, override?: string | string[]): EffectiveCommand {
  const shell = image.shell.length > 0 ? image.shell : DEFAULT_SHELL;
  const toArgv = (c: Form): string[] =>
    c.form === 'exec' ? [...c.args] : [...shell, c.command];
  const cmd = override === undefined ? image.cmd : overrideForm(override);
  const { entrypoint } = image;
  const parts: string[] = [];
  const lines: number[] = [];
  if (entrypoint) {
    parts.push(`ENTRYPOINT ${formatForm(entrypoint)}`);
    lines.push(entrypoint.line);
  }
  const cmdCounts = cmd !== undefined && entrypoint?.form !== 'shell';
  if (cmdCounts && override !== undefined) parts.push(`configured command ${formatForm(cmd)}`);
  else if (cmdCounts && image.cmd) {
    parts.push(`CMD ${formatForm(image.cmd)}`);
    lines.push(image.cmd.line);
  }
  const where = lines.length === 0 ? '' : ` (${image.dockerfile} line${lines.length > 1 ? 's' : ''} ${lines.join(' and ')})`;
  const description = parts.length === 0 ? `${image.dockerfile} (no CMD or ENTRYPOINT)` : `${parts.join(' + ')}${where}`;
  const line = entrypoint?.line ?? image.cmd?.line ?? 0;
  if (!entrypoint && !cmd) return { argv: undefined, description, line };
  const argv = [...(entrypoint ? toArgv(entrypoint) : []), ...(cmdCounts && cmd ? toArgv(cmd) : [])];
  return { argv, description, line };
}

function overrideForm(override: string | string[]): Form {
  return typeof override === 'string' ? { form: 'shell', command: override } : { form: 'exec', args: override };
}

/** `["gunicorn", "app:app"]` for exec form, the text itself for shell form. */
export function formatForm(c: Form): string {
  return c.form === 'exec' ? `[${c.args.map((a) => JSON.stringify(a)).join(', ')}]` : c.command;
}
