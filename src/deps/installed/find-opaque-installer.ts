import path from 'node:path/posix';
import { UnreadableFileError } from '../../errors.js';
import { inlineShellC } from '../../shell/inline-shell-c.js';
import { runShellCommands } from '../../shell/run-shell-commands.js';
import type { ImageModel, RepoSnapshot, RunRecord } from '../../types.js';
import { locateAtRun } from './locate-at-run.js';

/** Task runners, and the files each reads its tasks from (in the folder it runs in). */
const TASK_FILES: Record<string, string[]> = {
  make: ['GNUmakefile', 'makefile', 'Makefile'],
  gmake: ['GNUmakefile', 'makefile', 'Makefile'],
  just: ['justfile', 'Justfile', '.justfile'],
  task: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml'],
  invoke: ['tasks.py'],
  inv: ['tasks.py'],
  nox: ['noxfile.py'],
  doit: ['dodo.py'],
  // poe reads pyproject.toml, which names tools in settings too: any poe task may install.
  poe: [],
};

/** Text that names a Python installer: a task or script holding it may install packages. */
const INSTALLER = /\b(?:pip3?|uv|poetry|pdm|pipenv|conda|mamba|micromamba|easy_install|ensurepip)\b|setup\.py["',\s]+(?:install|develop)\b/;
const PYTHON = /^python(\d(\.\d+)?)?$/;
const SHELL_SCRIPT = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:ba|da)?sh\b/;

/**
 * Why a RUN may install Python packages that no command of it names: it
 * runs a program dockguard does not read as commands (`make install`, `just
 * install`, `invoke install`, `python scripts/bootstrap.py`, an executable
 * repository script that is no shell script) whose task file or script
 * names an installer, or cannot be read. What the image installs is then
 * unknown, never empty. Undefined when the RUN runs no such program.
 */
export async function findOpaqueInstaller(record: RunRecord, run: RunRecord, image: ImageModel, snapshot: RepoSnapshot): Promise<string | undefined> {
  const commands = record.form === 'exec' && record.args ? inlineShellC([{ words: record.args, assignments: {}, line: 1 }], record.env) : runShellCommands(record);
  let cwd: string = record.workdir;
  for (const { words: written } of commands) {
    const words = written[0] === 'sudo' || written[0] === 'exec' ? written.slice(1) : written;
    const program = path.basename(words[0] ?? '');
    if (program === 'cd') {
      if (words[1] !== undefined && !words[1].includes('$')) cwd = path.resolve(cwd, words[1]);
      continue;
    }
    const shown = `\`${words.slice(0, 3).join(' ')}\``;
    const read = (imagePath: string) => readRepoText(imagePath, run, image, snapshot);
    const files = TASK_FILES[program];
    if (files !== undefined) {
      const dir = path.resolve(cwd, optionValue(words, ['-C', '--directory', '-d', '--working-directory', '--dir']) ?? '.');
      const named = optionValue(words, ['-f', '--file', '--makefile', '--justfile', '--taskfile', '--collection']);
      const candidates = named !== undefined ? [named] : files;
      const texts = await Promise.all(candidates.map((file) => read(path.resolve(dir, file))));
      const found = texts.find((text) => text !== undefined);
      if (found === undefined || INSTALLER.test(found)) return `line ${run.line} runs ${shown}, whose tasks dockguard does not read: they may install Python packages`;
      continue;
    }
    const script = PYTHON.test(program) ? pythonScript(words) : words[0]?.includes('/') ? words[0] : undefined;
    if (script === undefined || script.includes('$') || path.basename(script) === 'setup.py') continue;
    const text = await read(path.resolve(cwd, script));
    // A shell script is read for its installs where the RUN calls it; a script not from the repository is not judged.
    if (text === undefined || (!PYTHON.test(program) && SHELL_SCRIPT.test(text))) continue;
    if (INSTALLER.test(text)) return `line ${run.line} runs ${shown}, a script that may install Python packages dockguard cannot see`;
  }
  return undefined;
}

/** The script `python [options] script.py …` runs; undefined for `-m`, `-c` and standard input. */
function pythonScript(words: readonly string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-m' || word === '-c' || word === '-') return undefined;
    if (word === '-W' || word === '-X') i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

function optionValue(words: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (names.includes(word)) return words[i + 1];
    const long = names.find((name) => name.startsWith('--') && word.startsWith(`${name}=`));
    if (long !== undefined) return word.slice(long.length + 1);
  }
  return undefined;
}

async function readRepoText(imagePath: string, run: RunRecord, image: ImageModel, snapshot: RepoSnapshot): Promise<string | undefined> {
  const located = locateAtRun(imagePath, run, image, snapshot);
  if (located.kind !== 'found') return undefined;
  try {
    const bytes = await snapshot.read(located.repoPath);
    return bytes.length > 512 * 1024 || bytes.includes(0) ? undefined : bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) return undefined;
    throw error;
  }
}
