import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, LauncherOutcome } from '../launch-context.js';
import { firstPositionalIndex } from '../parse-options.js';

/** `streamlit run app.py`: runs the script with its directory at sys.path[0]. */
export function launchStreamlit(invocation: Invocation): LauncherOutcome {
  const { args, cwd } = invocation;
  const run = args.indexOf('run');
  // Every streamlit option takes a value (`--server.port 8501`) unless written with `=`.
  const rest = args.slice(run + 1);
  const all = new Set(rest.filter((a) => a.startsWith('--')));
  const script = rest[firstPositionalIndex(rest, all)];
  if (run === -1 || !script) return { failure: 'streamlit is not given `run <script>`' };
  if (/^https?:\/\//.test(script)) return { failure: `streamlit runs a script from a URL (${script})` };
  const path = resolveImagePath(cwd, script);
  return { roots: [{ kind: 'script', path, why: 'streamlit script' }], front: [dirnameOf(path)] };
}
