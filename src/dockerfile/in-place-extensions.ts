import path from 'node:path';
import { runShellCommands } from '../shell/run-shell-commands.js';
import type { RunRecord } from '../types.js';
import type { StageFs } from './stage-fs.js';

/** `setup.py build_ext --inplace` / `-i`, `cythonize -i`, `pip install -e` / `setup.py develop`: extensions built beside their sources. */
function buildsInPlace(words: readonly string[]): boolean {
  const program = path.posix.basename(words[0] ?? '');
  const args = words.slice(1);
  if (program === 'cythonize') return args.some((a) => a === '-i' || a === '--inplace' || /^-[a-zA-Z]*i[a-zA-Z]*$/.test(a));
  if (/^python(\d(\.\d+)?)?$/.test(program) && args[0] === 'setup.py') {
    return (args.includes('build_ext') && args.some((a) => a === '--inplace' || a === '-i')) || args.includes('develop');
  }
  const pip = /^pip(\d(\.\d+)?)?$/.test(program) ? args : /^python(\d(\.\d+)?)?$/.test(program) && args[0] === '-m' && args[1] === 'pip' ? args.slice(2) : undefined;
  return pip !== undefined && pip[0] === 'install' && pip.some((a) => a === '-e' || a === '--editable' || a.startsWith('--editable='));
}

/**
 * Cython sources a RUN compiles in place: each `x.pyx` (or `.py` compiled
 * to an extension) under the folder the command runs in becomes the
 * importable `x` extension module beside it, which no file of the model
 * shows. Which sources setup.py compiles is not read, so every `.pyx` under
 * that folder counts, as a module that may be there.
 */
export function findInPlaceExtensions(run: RunRecord, fs: StageFs): Array<{ key: string; reason: string; generated: string }> {
  if (run.form !== 'shell' || !/\.pyx\b|cythonize|build_ext|develop|-e\b|--editable/.test(run.command)) return [];
  const found: Array<{ key: string; reason: string; generated: string }> = [];
  let cwd: string = run.workdir;
  for (const { words } of runShellCommands(run)) {
    if (words[0] === 'cd' && words[1] !== undefined && !words[1].includes('$')) cwd = path.posix.resolve(cwd, words[1]);
    if (!buildsInPlace(words)) continue;
    const below = cwd === '/' ? '' : `${cwd.slice(1)}/`;
    for (const key of fs.files.keys()) {
      if (!key.endsWith('.pyx') || !key.startsWith(below)) continue;
      const stem = key.slice(key.lastIndexOf('/') + 1, -'.pyx'.length);
      found.push({ key: key.slice(0, -'.pyx'.length), reason: `RUN ${words.slice(0, 3).join(' ')} (builds ${key.slice(below.length)} in place)`, generated: `^${stem}$` });
    }
  }
  return found;
}
