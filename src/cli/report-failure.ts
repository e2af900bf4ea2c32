import { DockguardError } from '../errors.js';

/** One clear line for dockguard's own trouble; a stack only when DOCKGUARD_DEBUG is set. */
export function reportFailure(error: unknown): string {
  if (error instanceof DockguardError) {
    return `dockguard: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.DOCKGUARD_DEBUG && error instanceof Error ? `\n${error.stack ?? ''}` : '';
  return `dockguard: internal error: ${message} (this is a bug in dockguard; set DOCKGUARD_DEBUG=1 for details and report it)${stack}\n`;
}
