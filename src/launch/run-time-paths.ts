import type { ImagePath } from '../types.js';
import { dirnameOf } from './image-paths.js';

/**
 * Substitutes what a shell works out at run time for paths, which the
 * parser keeps as written: `$(pwd)`, `` `pwd` ``, `$PWD` (sh keeps PWD equal
 * to the working directory) become the directory the script is in when that
 * command runs; `$(dirname "$0")`, `${BASH_SOURCE[0]}`'s folder and
 * `$(cd "$(dirname "$0")" && pwd)` become the folder of the script, when the
 * script is a file of the image (`/docker-entrypoint.sh`).
 */
export function substituteRunTimePaths(word: string, cwd: ImagePath, scriptPath: string): string {
  if (!word.includes('$') && !word.includes('`')) return word;
  let out = word;
  if (scriptPath.startsWith('/')) {
    const folder = dirnameOf(scriptPath as ImagePath);
    out = out.replace(SCRIPT_FOLDER, folder);
  }
  return out.replace(WORKING_DIRECTORY, cwd);
}

const SCRIPT = String.raw`(?:"?\$0"?|"?\$\{?BASH_SOURCE(?:\[0\])?\}?"?)`;
const DIRNAME = String.raw`\$\(dirname ${SCRIPT}\)`;
/** `$(cd "$(dirname "$0")" && pwd)` (also with `-P`, `>/dev/null 2>&1`), then `$(dirname "$0")`. */
const SCRIPT_FOLDER = new RegExp(String.raw`\$\(cd "?${DIRNAME}"?(?: *(?:>|&>|2>)[^&)]*)* *&& *pwd(?: -P)?\)|"?${DIRNAME}"?`, 'g');
const WORKING_DIRECTORY = /\$\(pwd(?: -P)?\)|`pwd`|\$\{PWD\}|\$PWD\b/g;
