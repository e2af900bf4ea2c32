import type { RepoPath } from '../types.js';

/** A command a project installs (`pypi-server = "pypiserver.__main__:main"`). */
export interface ConsoleScript {
  name: string;
  /** Module the generated script imports, then the function it calls. */
  module: string;
  attr: string;
  /** Folder of the project file, and the file and table that declare the script (for messages). */
  projectDir: RepoPath;
  declaredIn: string;
}

const ENTRY = /^\s*([A-Za-z_][\w.]*)\s*:\s*([A-Za-z_][\w.]*)\s*(?:\[[^\]]*\])?\s*$/;

/** `module:attr` of an entry point value, or undefined when it is not one. */
export function readEntryPoint(value: string): { module: string; attr: string } | undefined {
  const match = ENTRY.exec(value);
  return match ? { module: match[1]!, attr: match[2]! } : undefined;
}

/**
 * `[options.entry_points]` `console_scripts =` of a setup.cfg: an INI value
 * continued on indented lines, one `name = module:attr` each.
 */
export function readSetupCfgScripts(text: string): Array<[string, string]> {
  const scripts: Array<[string, string]> = [];
  let section = '';
  let inScripts = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '');
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      inScripts = false;
      continue;
    }
    if (section !== 'options.entry_points' || line.trim() === '') continue;
    const indented = /^\s/.test(line);
    if (!indented) {
      const [key, value = ''] = line.split(/[=:](.*)/s, 2);
      inScripts = key!.trim() === 'console_scripts';
      if (inScripts && value.trim() !== '') scripts.push(...splitPairs(value));
      continue;
    }
    if (inScripts) scripts.push(...splitPairs(line));
  }
  return scripts;
}

function splitPairs(text: string): Array<[string, string]> {
  const eq = text.indexOf('=');
  return eq === -1 ? [] : [[text.slice(0, eq).trim(), text.slice(eq + 1).trim()]];
}
