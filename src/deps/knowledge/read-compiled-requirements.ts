/**
 * What a compiled requirements file (pip-compile or `uv pip compile` /
 * `uv export` output) says beyond its pins: the `# via` comment under each
 * pin names the pins that require it, so reversed they are each pin's
 * requirements; and the footer lists the "unsafe" pins (pip, setuptools)
 * it left out although a pin requires them.
 */
import { normalizeName } from '../normalize-name.js';

export interface CompiledRequirements {
  /** Normalised pin → normalised pins it requires (every pin of the file has a row, possibly empty). */
  requires: Map<string, string[]>;
  /** Normalised names of the footer's left-out pins. */
  unsafe: string[];
}

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*===?/;
const UNSAFE_FOOTER = /^#\s*The following packages are considered to be unsafe in a requirements file/;

/** Undefined when the file has no `# via` comment: then it is not compiled output, and its pins say nothing of edges. */
export function readCompiledRequirements(text: string): CompiledRequirements | undefined {
  if (!/^\s*#\s+via\b/m.test(text)) return undefined;
  const requires = new Map<string, string[]>();
  const unsafe: string[] = [];
  let current: string | undefined;
  let inVia = false;
  let inFooter = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (UNSAFE_FOOTER.test(line)) {
      inFooter = true;
      current = undefined;
      continue;
    }
    const pin = PIN.exec(line);
    if (pin) {
      current = normalizeName(pin[1] as string);
      if (!requires.has(current)) requires.set(current, []);
      inVia = false;
      // pip-tools before 6 wrote the parents on the pin's own line: `tomlkit==0.12.1  # via pylint, black`.
      const inline = /#\s*via\s+(.*)$/.exec(line);
      for (const parent of inline ? (inline[1] as string).split(',') : []) addParent(requires, parent, current);
      continue;
    }
    // Without --allow-unsafe the footer names them commented out: `# setuptools` (older: `# setuptools==74.1`).
    const commentedPin = inFooter ? /^#\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:==\S+)?$/.exec(line) : null;
    if (commentedPin) {
      current = normalizeName(commentedPin[1] as string);
      unsafe.push(current);
      inVia = false;
      continue;
    }
    if (!line.startsWith('#')) {
      if (line !== '' && !line.startsWith('--')) inVia = false;
      continue;
    }
    const body = line.replace(/^#\s*/, '');
    const via = /^via\b\s*(.*)$/.exec(body);
    if (via) {
      inVia = true;
      addParent(requires, via[1] as string, current);
      continue;
    }
    if (inVia) addParent(requires, body, current);
  }
  return { requires, unsafe };
}

/** `# via flask` or `#   flask (pyproject.toml)`: a parent pin; `-r file`, `-c file` and the project itself are not pins. */
function addParent(requires: Map<string, string[]>, text: string, child: string | undefined): void {
  const name = text.trim().split(/\s/)[0] ?? '';
  if (child === undefined || name === '' || name.startsWith('-') || !/^[A-Za-z0-9]/.test(name)) return;
  const parent = normalizeName(name.replace(/\[.*$/, ''));
  const list = requires.get(parent);
  if (list === undefined) requires.set(parent, [child]);
  else if (!list.includes(child)) list.push(child);
}
