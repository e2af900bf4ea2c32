import { loadPythonEngine, withPythonTree } from '../python/parser.js';
import { readStringLiteral } from '../python/read-string-literal.js';
import type { SyntaxNode } from '../python/syntax-node.js';
import type { RepoPath } from '../types.js';
import { normalizeName } from './normalize-name.js';
import { parseRequirement } from './parse-requirement.js';
import { toRequirement } from './to-requirement.js';
import type { MarkerEnv, Requirement } from './types.js';

/** A setuptools project as declared without a [project] table: in setup.cfg, setup.py or both. */
export interface SetuptoolsProject {
  name: string | undefined;
  requirements: Requirement[];
  extras: Record<string, Requirement[]>;
}

export type SetuptoolsReading = { project: SetuptoolsProject } | { unread: string };

/** One setting's value where it is written: a list of strings with their lines, or a name. */
interface Strings {
  values: Array<{ text: string; line: number }>;
}
interface Declared {
  name?: string;
  installRequires?: Strings;
  extrasRequire?: Record<string, Strings>;
}

/**
 * What `pip install <dir>` installs from a setuptools project that has no
 * [project] table: setup.cfg's `[metadata] name` and `[options]`
 * `install_requires`/`[options.extras_require]`, overridden by the keywords
 * of setup.py's `setup(...)` call, as setuptools merges them. setup.py is
 * read from its parse tree and never run, so only literal values count:
 * strings, lists of strings, and a name bound once at module level to one.
 * Anything computed (`open("requirements.txt")`, `**kwargs`, a list built
 * with `+`) makes the reading fail with why: what pip installs is then
 * unknown, not empty.
 */
export async function readSetuptoolsProject(files: { cfg?: { path: RepoPath; text: string }; py?: { path: RepoPath; text: string } }, env: MarkerEnv): Promise<SetuptoolsReading> {
  const fromCfg = files.cfg ? readSetupCfg(files.cfg.text) : {};
  if ('unread' in fromCfg) return { unread: `${files.cfg!.path}: ${fromCfg.unread}` };
  let fromPy: Declared = {};
  if (files.py) {
    await loadPythonEngine();
    const read = withPythonTree(files.py.text, readSetupPy);
    if ('unread' in read) return { unread: `${files.py.path}: ${read.unread}` };
    fromPy = read;
  }
  const fileOf = (key: keyof Declared): RepoPath => (fromPy[key] !== undefined ? files.py!.path : files.cfg?.path ?? files.py!.path);
  const toRequirements = (strings: Strings | undefined, file: RepoPath): Requirement[] | { unread: string } => {
    const out: Requirement[] = [];
    for (const { text, line } of strings?.values ?? []) {
      const parsed = parseRequirement(text);
      if (!parsed.ok) return { unread: `${file}:${line}: ${parsed.message}` };
      out.push(toRequirement(parsed.value, { file, line, direct: true }, env));
    }
    return out;
  };
  const requirements = toRequirements(fromPy.installRequires ?? fromCfg.installRequires, fileOf('installRequires'));
  if ('unread' in requirements) return requirements;
  const extras: Record<string, Requirement[]> = {};
  for (const [extra, strings] of Object.entries(fromPy.extrasRequire ?? fromCfg.extrasRequire ?? {})) {
    const list = toRequirements(strings, fileOf('extrasRequire'));
    if ('unread' in list) return list;
    extras[normalizeName(extra)] = list;
  }
  return { project: { name: fromPy.name ?? fromCfg.name, requirements, extras } };
}

/**
 * setup.cfg is INI (configparser): a value goes on over indented lines, `#`
 * and `;` start comments. `file:` and `attr:` directives point elsewhere:
 * not followed, so the reading fails.
 */
export function readSetupCfg(text: string): Declared | { unread: string } {
  const declared: Declared = {};
  const lines = text.split(/\r\n|\n|\r/);
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const entry = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!entry) continue;
    const key = entry[1]!.replaceAll('-', '_');
    const values: Array<{ text: string; line: number }> = [];
    const push = (raw: string, at: number) => {
      const value = raw.replace(/(^|\s)[#;].*$/, '').trim();
      if (value !== '') values.push({ text: value, line: at + 1 });
    };
    push(entry[2]!, i);
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!)) push(lines[++i]!, i);
    const directive = values.find((v) => /^(file|attr):/.test(v.text));
    const wanted = (section === 'options' && key === 'install_requires') || section === 'options.extras_require' || (section === 'metadata' && key === 'name');
    if (wanted && directive) return { unread: `${section} ${key} is read from ${directive.text}, which dockguard does not follow` };
    if (section === 'metadata' && key === 'name') declared.name = values[0]?.text;
    else if (section === 'options' && key === 'install_requires') declared.installRequires = { values: values.flatMap(splitSemicolonList) };
    else if (section === 'options.extras_require') (declared.extrasRequire ??= {})[entry[1]!] = { values: values.flatMap(splitSemicolonList) };
  }
  return declared;
}

/** setuptools also accepts `a; b` on one line for a list (a marker is written after `;` too, so only outside one). */
function splitSemicolonList(value: { text: string; line: number }): Array<{ text: string; line: number }> {
  return /;\s*[A-Za-z_]+\s*(==|!=|<|>|in\b|not\b)/.test(value.text) ? [value] : value.text.split(';').map((text) => ({ text: text.trim(), line: value.line })).filter((v) => v.text !== '');
}

const SETUP_CALLEES = new Set(['setup', 'setuptools.setup']);

/** The `setup(...)` call of setup.py: at module level or under `if __name__ == "__main__":`, exactly one. */
function readSetupPy(root: SyntaxNode): Declared | { unread: string } {
  const calls = root.descendantsOfType('call').filter((call) => SETUP_CALLEES.has(call.childForFieldName('function')?.text ?? ''));
  if (calls.length !== 1) return { unread: calls.length === 0 ? 'no setup(...) call' : 'more than one setup(...) call' };
  const call = calls[0]!;
  if (!isTopLevel(call)) return { unread: 'setup(...) is called inside a function or a condition' };
  const declared: Declared = {};
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (argument.type === 'dictionary_splat' || argument.type === 'list_splat') return { unread: `setup(...) takes ${argument.text}, whose keys are not read` };
    if (argument.type !== 'keyword_argument') continue;
    const key = argument.childForFieldName('name')?.text;
    const value = argument.childForFieldName('value');
    if (value === null || value === undefined) continue;
    // pbr (`pbr=True`, `setup_requires=["pbr"]`) reads the dependencies from requirements.txt itself.
    if (key === 'pbr' || (key === 'setup_requires' && /["']pbr\b/.test(value.text))) return { unread: 'pbr takes install_requires from requirements.txt, which is not read here' };
    if (key === 'name') {
      const name = readStringLiteral(value.text);
      if (name !== undefined) declared.name = name;
    } else if (key === 'install_requires') {
      const strings = readStrings(valueOf(value, root));
      if ('unread' in strings) return { unread: `install_requires is ${strings.unread}` };
      declared.installRequires = strings;
    } else if (key === 'extras_require') {
      const dict = valueOf(value, root);
      if (dict?.type !== 'dictionary') return { unread: `extras_require is computed (${value.text.slice(0, 60)})` };
      declared.extrasRequire = {};
      for (const pair of dict.namedChildren) {
        const extra = pair.type === 'pair' ? readStringLiteral(pair.childForFieldName('key')?.text ?? '') : undefined;
        if (extra === undefined) return { unread: `extras_require has an entry dockguard does not read (${pair.text.slice(0, 60)})` };
        const strings = readStrings(valueOf(pair.childForFieldName('value')!, root));
        if ('unread' in strings) return { unread: `extras_require["${extra}"] is ${strings.unread}` };
        declared.extrasRequire[extra] = strings;
      }
    }
  }
  return declared;
}

/** A module-level statement, or one in the body of `if __name__ == "__main__":`. */
function isTopLevel(node: SyntaxNode): boolean {
  for (let at = node.parent; at !== null; at = at.parent) {
    if (at.type === 'module') return true;
    if (at.type === 'function_definition' || at.type === 'class_definition' || at.type === 'lambda') return false;
    if (at.type === 'if_statement' && !/^__name__\s*==\s*['"]__main__['"]$/.test(at.childForFieldName('condition')?.text ?? '')) return false;
    if (at.type === 'try_statement' || at.type === 'for_statement' || at.type === 'while_statement' || at.type === 'with_statement') return false;
  }
  return false;
}

/**
 * A name stands for the value it is bound to, when it is bound exactly once,
 * by a module-level assignment, and never changed (`+=`, `.append`).
 */
function valueOf(node: SyntaxNode, root: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'identifier') return node;
  const name = node.text;
  let bound: SyntaxNode | undefined;
  for (const assignment of root.descendantsOfType(['assignment', 'augmented_assignment', 'named_expression'])) {
    const left = assignment.childForFieldName(assignment.type === 'named_expression' ? 'name' : 'left');
    const unpacks = left?.type === 'pattern_list' || left?.type === 'tuple_pattern';
    const binds = left?.text === name || (unpacks && left!.namedChildren.some((n) => n.text === name));
    if (!binds) continue;
    if (bound !== undefined || assignment.type !== 'assignment' || left?.type !== 'identifier' || assignment.parent?.parent?.type !== 'module') return undefined;
    bound = assignment.childForFieldName('right') ?? undefined;
  }
  const mutated = root.descendantsOfType('attribute').some((a) => a.childForFieldName('object')?.text === name && /^(append|extend|insert|remove|pop|clear)$/.test(a.childForFieldName('attribute')?.text ?? ''));
  return mutated ? undefined : bound;
}

function readStrings(node: SyntaxNode | undefined): Strings | { unread: string } {
  if (node === undefined) return { unread: 'bound to a name dockguard cannot follow to one literal list' };
  if (node.type !== 'list' && node.type !== 'tuple') return { unread: `computed (${node.text.slice(0, 60)})` };
  const values: Strings['values'] = [];
  for (const item of node.namedChildren) {
    if (item.type === 'comment') continue;
    const text = item.type === 'string' ? readStringLiteral(item.text) : undefined;
    if (text === undefined) return { unread: `a list with an entry that is not a plain string (${item.text.slice(0, 60)})` };
    values.push({ text, line: item.startPosition.row + 1 });
  }
  return { values };
}
