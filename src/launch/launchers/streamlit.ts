import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { ImagePath, LaunchRoot } from '../../types.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { firstPositionalIndex } from '../parse-options.js';

/**
 * `streamlit run app.py`: runs the script with its directory at sys.path[0],
 * and each `.py` file directly in the `pages/` folder beside it as a page of
 * a multipage app, in the same process, when a user opens that page.
 */
export function launchStreamlit(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { args, cwd } = invocation;
  const run = args.indexOf('run');
  // Every streamlit option takes a value (`--server.port 8501`) unless written with `=`.
  const rest = args.slice(run + 1);
  const all = new Set(rest.filter((a) => a.startsWith('--')));
  const script = rest[firstPositionalIndex(rest, all)];
  if (run === -1 || !script) return { failure: 'streamlit is not given `run <script>`' };
  if (/^https?:\/\//.test(script)) return { failure: `streamlit runs a script from a URL (${script})` };
  const path = resolveImagePath(cwd, script);
  const pages = pagesBeside(path, context).map((page): LaunchRoot => ({ kind: 'script', path: page, why: 'streamlit page' }));
  return { roots: [{ kind: 'script', path, why: 'streamlit script' }, ...pages], front: [dirnameOf(path)] };
}

/** Streamlit's pages/ folder: its own `.py` files, not those of its subfolders. */
function pagesBeside(script: ImagePath, context: LaunchContext): ImagePath[] {
  const folder = `${dirnameOf(script) === '/' ? '' : dirnameOf(script)}/pages/`;
  const pages: ImagePath[] = [];
  for (const file of context.image.files.keys()) {
    if (file.startsWith(folder) && file.endsWith('.py') && !file.slice(folder.length).includes('/')) pages.push(file);
  }
  return pages.sort();
}
