import type { RepoPath } from '../../types.js';
import { readCompiledRequirements } from '../knowledge/read-compiled-requirements.js';
import type { InstallReadContext } from './install-read-context.js';

/**
 * pip-compile leaves pip and setuptools out of its output unless told
 * `--allow-unsafe`, and names them in a commented footer instead. A pin of
 * the file requires each, so an install that resolves dependencies (no
 * `--no-deps`) still gets them: they count as installed, as transitive pins.
 */
export async function addUnsafeFooter(file: RepoPath, declaredIn: string | undefined, ctx: InstallReadContext): Promise<void> {
  const text = await ctx.files.text(file);
  if (typeof text !== 'string' || !text.includes('considered to be unsafe')) return;
  const compiled = readCompiledRequirements(text);
  const line = text.split(/\r?\n/).findIndex((l) => l.includes('considered to be unsafe')) + 1;
  for (const name of compiled?.unsafe ?? []) {
    if (ctx.set.has(name)) continue;
    ctx.set.add({ name, extras: [], file, line, via: 'lock', transitive: { lock: file, declaredIn: declaredIn ?? file } });
  }
}
