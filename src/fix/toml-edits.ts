import { parse } from 'smol-toml';
import { normalizeName } from '../deps/normalize-name.js';

/** The edited text, or why the edit was not made. */
export type TextEdit = { text: string } | { problem: string };

type Table = Record<string, unknown>;
const asTable = (value: unknown): Table | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Table) : undefined);
const nameOf = (requirement: string): string => normalizeName(/^[A-Za-z0-9._-]+/.exec(requirement.trim())?.[0] ?? requirement);

/**
 * Adds a requirement to `[project] dependencies` (PEP 621), in the array's
 * own layout: a new line in a multi-line array (adding the comma the last
 * entry lacked, before its comment), `, "name"` in a one-line array. The
 * result is parsed again and must be the same document with one more
 * dependency, so an array this cannot edit safely is left alone, not broken.
 */
export function addProjectDependency(text: string, requirement: string, eol: string): TextEdit {
  const before = parseOrUndefined(text);
  const project = asTable(before?.project);
  const declared = project?.dependencies;
  const dynamic = Array.isArray(project?.dynamic) && project.dynamic.includes('dependencies');
  // A project that declares no dependency yet gets the key, as a one-line array.
  if (project && declared === undefined && !dynamic) return addTableKey(text, ['project'], 'dependencies', { text: JSON.stringify([requirement]), value: [requirement] }, eol);
  if (!Array.isArray(declared)) return { problem: `its [project] table has no dependencies array${dynamic ? ' (they are dynamic)' : ''}` };
  if (declared.some((d) => typeof d === 'string' && nameOf(d) === nameOf(requirement))) return { problem: `${requirement} is already declared` };
  const key = findProjectDependenciesKey(text);
  if (key === undefined) return { problem: 'its dependencies array is not written as `dependencies = [` under [project]' };
  const array = scanArray(text, key.open);
  if (array === undefined) return { problem: 'its dependencies array does not end' };
  const entry = JSON.stringify(requirement);
  let edited: string;
  const lineEnd = (at: number) => text.slice(at).search(/\r?\n|\r/) + at;
  const lastLineEnd = array.last ? lineEnd(array.last.end) : -1;
  const multiLine = array.last ? lastLineEnd < array.close : /[\r\n]/.test(text.slice(key.open, array.close));
  if (multiLine) {
    const anchor = array.last ? lastLineEnd : lineEnd(key.open);
    const indent = array.last ? /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', array.last.start) + 1))![0] : `${key.indent}    `;
    const comma = !array.last || array.last.comma !== undefined ? ',' : '';
    const withComma = array.last && array.last.comma === undefined ? `${text.slice(0, array.last.end)},${text.slice(array.last.end, anchor)}` : text.slice(0, anchor);
    edited = `${withComma}${eol}${indent}${entry}${comma}${text.slice(anchor)}`;
  } else if (!array.last) {
    edited = `${text.slice(0, key.open + 1)}${entry}${text.slice(key.open + 1)}`;
  } else {
    const at = array.last.comma !== undefined ? array.last.comma + 1 : array.last.end;
    edited = `${text.slice(0, at)}${array.last.comma !== undefined ? '' : ','} ${entry}${text.slice(at)}`;
  }
  const expected = structuredClone(before!);
  (asTable(expected.project)!.dependencies as unknown[]).push(requirement);
  return sameDocument(edited, expected) ? { text: edited } : { problem: 'the edit would not leave a valid pyproject.toml with that one more dependency' };
}

/**
 * Adds `key = value` at the end of a table (`[tool.poetry.dependencies]`,
 * a Pipfile's `[packages]`): after its last line that is neither blank nor
 * a comment. `value` is the TOML text and what it parses to. Checked by
 * parsing again, like `addProjectDependency`.
 */
export function addTableKey(text: string, tablePath: readonly string[], key: string, value: { text: string; value: unknown }, eol: string): TextEdit {
  const before = parseOrUndefined(text);
  let table: Table | undefined = before;
  for (const part of tablePath) table = asTable(table?.[part]);
  if (!before || !table) return { problem: `it has no [${tablePath.join('.')}] table` };
  if (Object.keys(table).some((k) => nameOf(k) === nameOf(key))) return { problem: `${key} is already declared` };
  const lines = text.split(/(?<=\r\n|\n|\r)/);
  const header = new RegExp(`^\\s*\\[\\s*${tablePath.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*\\.\\s*')}\\s*\\]\\s*(#.*)?$`);
  const start = lines.findIndex((line) => header.test(line.trimEnd()));
  if (start < 0) return { problem: `its [${tablePath.join('.')}] table is not written as a table header` };
  let end = lines.findIndex((line, i) => i > start && /^\s*\[/.test(line));
  if (end < 0) end = lines.length;
  let last = start;
  for (let i = start + 1; i < end; i++) if (!/^\s*(#.*)?$/.test(lines[i]!.trimEnd())) last = i;
  const added = `${key} = ${value.text}`;
  const lastLine = lines[last]!;
  const needsBreak = !/[\r\n]$/.test(lastLine);
  lines.splice(last + 1, 0, `${needsBreak ? eol : ''}${added}${needsBreak ? '' : eol}`);
  const edited = lines.join('');
  const expected = structuredClone(before);
  let target: Table = expected;
  for (const part of tablePath) target = asTable(target[part])!;
  target[key] = value.value;
  return sameDocument(edited, expected) ? { text: edited } : { problem: `the edit would not leave a valid file with ${key} added to [${tablePath.join('.')}]` };
}

function parseOrUndefined(text: string): Table | undefined {
  try {
    return parse(text) as Table;
  } catch {
    return undefined;
  }
}

function sameDocument(text: string, expected: Table): boolean {
  const after = parseOrUndefined(text);
  return after !== undefined && JSON.stringify(after) === JSON.stringify(expected);
}

/** Where `dependencies = [` of the `[project]` table opens (the index of its `[`). */
function findProjectDependenciesKey(text: string): { open: number; indent: string } | undefined {
  const header = /^[ \t]*\[[ \t]*project[ \t]*\][ \t]*(#.*)?$/m.exec(text);
  if (!header) return undefined;
  const from = header.index + header[0].length;
  const next = /^[ \t]*\[/m.exec(text.slice(from));
  const region = text.slice(from, next ? from + next.index : text.length);
  const key = /^([ \t]*)dependencies[ \t]*=[ \t]*\[/m.exec(region);
  return key ? { open: from + key.index + key[0].length - 1, indent: key[1]! } : undefined;
}

interface ArrayScan {
  close: number;
  /** The last entry: where it starts and ends, and its comma if one follows. */
  last?: { start: number; end: number; comma?: number };
}

/**
 * Reads a TOML array of strings from its `[`: strings of the four kinds,
 * comments, commas, nested brackets. Undefined when it does not end.
 */
function scanArray(text: string, open: number): ArrayScan | undefined {
  let last: ArrayScan['last'];
  let depth = 0;
  for (let i = open; i < text.length; ) {
    const c = text[i]!;
    if (c === '#') {
      const eol = text.slice(i).search(/[\r\n]/);
      i = eol < 0 ? text.length : i + eol;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end === undefined) return undefined;
      if (depth === 1) last = { start: i, end };
      i = end;
    } else if (c === '[') {
      depth++;
      i++;
    } else if (c === ']') {
      if (--depth === 0) return { close: i, ...(last ? { last } : {}) };
      i++;
    } else {
      if (c === ',' && depth === 1 && last && last.comma === undefined) last.comma = i;
      i++;
    }
  }
  return undefined;
}

/** The index just after the string that starts at `start`. */
function stringEnd(text: string, start: number): number | undefined {
  const quote = text[start]!;
  const triple = text.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  for (let i = start + delimiter.length; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (!triple && (text[i] === '\n' || text[i] === '\r')) return undefined;
    if (text.startsWith(delimiter, i)) {
      let end = i + delimiter.length;
      // A multi-line string may end with up to two more quotes that belong to it.
      while (triple && text[end] === quote && end - i < 5) end++;
      return end;
    }
  }
  return undefined;
}
