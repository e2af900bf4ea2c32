import path from 'node:path/posix';
import { UnreadableFileError } from '../../errors.js';
import { DEFAULT_PATH } from '../../launch/image-paths.js';
import { substitutePositional } from '../../launch/substitute-positional.js';
import { inlineShellC } from '../../shell/inline-shell-c.js';
import { parseShell } from '../../shell/parse-shell.js';
import type { ImageModel, RepoSnapshot, RunRecord } from '../../types.js';
import { locateAtRun } from './locate-at-run.js';

/** Scripts that call scripts: deep enough for real wrappers, bounded against loops. */
const MAX_DEPTH = 3;
const SHELLS = /^(?:ba|da)?sh$/;
const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:ba|da)?sh\b/;

/**
 * The RUN itself, then one record per repository shell script it runs, with
 * the script's commands in place of the call and its arguments put in for
 * `"$@"`/`$1` (warehouse's `pip-install -r requirements/main.txt`, copied to
 * /usr/local/bin; `RUN ./bin/install-deps`). A script is found where the
 * RUN sees it: a path, or a name on PATH; only files from the repository are
 * read. Installs in a followed script are reported at the RUN's line.
 */
export async function followRunScripts(run: RunRecord, image: ImageModel, snapshot: RepoSnapshot, onRead: (repoPath: string) => void): Promise<RunRecord[]> {
  const out: RunRecord[] = [run];
  await follow(run, run.command, run.form === 'exec' && run.args ? run.args : undefined, 0);
  return out;

  async function follow(record: RunRecord, text: string, argv: string[] | undefined, depth: number): Promise<void> {
    if (depth >= MAX_DEPTH) return;
    const commands = inlineShellC(argv ? [{ words: argv, assignments: {}, line: 1 }] : parseShell(text, { env: record.env }), record.env);
    let cwd: string = record.workdir;
    for (const { words } of commands) {
      if (words[0] === 'cd' && words[1] !== undefined && !words[1].includes('$')) {
        cwd = path.resolve(cwd, words[1]);
        continue;
      }
      const call = scriptCall(words, cwd, record.env.PATH ?? DEFAULT_PATH, (p) => locateAtRun(p, run, image, snapshot).kind === 'found');
      if (!call) continue;
      const located = locateAtRun(call.path, run, image, snapshot);
      if (located.kind !== 'found') continue;
      const script = await readShellScript(snapshot, located.repoPath, call.explicitShell);
      if (script === undefined) continue;
      onRead(located.repoPath);
      const body = parseShell(script, { env: record.env })
        .map((c) => substitutePositional(c.words, call.path, call.args).map(quote).join(' '))
        .filter((line) => line !== '')
        .join(' ; ');
      const expanded: RunRecord = { ...record, command: body, form: 'shell', workdir: record.workdir };
      delete expanded.args;
      out.push(expanded);
      await follow(expanded, body, undefined, depth + 1);
    }
  }
}

interface ScriptCall {
  path: string;
  args: string[];
  /** Run as `bash x.sh`: no shebang needed. */
  explicitShell: boolean;
}

function scriptCall(words: string[], cwd: string, pathVar: string, exists: (p: string) => boolean): ScriptCall | undefined {
  const program = words[0];
  if (program === undefined || program.includes('$')) return undefined;
  if (SHELLS.test(path.basename(program))) {
    const at = words.findIndex((w, i) => i > 0 && !w.startsWith('-'));
    // `sh -c '…'` runs text, not a file.
    if (at < 0 || words.slice(1, at).some((w) => w.includes('c'))) return undefined;
    return { path: path.resolve(cwd, words[at] as string), args: words.slice(at + 1), explicitShell: true };
  }
  if (program.includes('/')) return { path: path.resolve(cwd, program), args: words.slice(1), explicitShell: false };
  for (const dir of pathVar.split(':')) {
    if (!dir.startsWith('/')) continue;
    const candidate = path.join(dir, program);
    if (exists(candidate)) return { path: candidate, args: words.slice(1), explicitShell: false };
  }
  return undefined;
}

async function readShellScript(snapshot: RepoSnapshot, repoPath: Parameters<RepoSnapshot['read']>[0], explicitShell: boolean): Promise<string | undefined> {
  let text: string;
  try {
    const bytes = await snapshot.read(repoPath);
    if (bytes.length > 256 * 1024 || bytes.includes(0)) return undefined;
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) return undefined;
    throw error;
  }
  return explicitShell || SHELL_SHEBANG.test(text) || repoPath.endsWith('.sh') ? text : undefined;
}

/** Single-quotes a word for the shell parser, so its text survives re-parsing as is. */
function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
