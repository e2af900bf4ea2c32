import { readDollar } from './read-dollar.js';
import { scanBacktick } from './scan-balanced.js';

/** A piece of a word; only unquoted substitutions are split into fields. */
export interface WordPart {
  text: string;
  splittable: boolean;
}

export interface WordRead {
  parts: WordPart[];
  /** Source text of the word, quotes included. */
  raw: string;
  end: number;
}

const OPERATOR_END = ' \t\n;&|<>';
const BLANK_END = ' \t\n';

/**
 * Reads one word starting at `start`, removing quotes and escapes as sh does.
 * With `operators` false only blanks end a word (shlex-style argument lists).
 */
export function readWord(text: string, start: number, env: Record<string, string> | undefined, operators: boolean): WordRead {
  const ends = operators ? OPERATOR_END : BLANK_END;
  const parts: WordPart[] = [];
  const add = (s: string, splittable = false) => parts.push({ text: s, splittable });
  let i = start;
  while (i < text.length && !ends.includes(text[i] as string)) {
    const ch = text[i] as string;
    if (ch === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        add(text[i + 1] ?? '\\');
        i += 2;
      }
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      add(text.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '"') {
      i = readDoubleQuoted(text, i + 1, env, add);
    } else if (ch === '$') {
      const d = readDollar(text, i, env);
      add(d.text, d.substituted);
      i = d.end;
    } else if (ch === '`') {
      const end = scanBacktick(text, i);
      add(text.slice(i, end));
      i = end;
    } else {
      add(ch);
      i++;
    }
  }
  const end = Math.min(i, text.length);
  return { parts, raw: text.slice(start, end), end };
}

/** Reads a double-quoted body; returns the index after the closing quote. */
function readDoubleQuoted(
  text: string,
  start: number,
  env: Record<string, string> | undefined,
  add: (s: string) => void,
): number {
  add('');
  let i = start;
  while (i < text.length && text[i] !== '"') {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '\\' && next === '\n') i += 2;
    else if (ch === '\\' && next !== undefined && '$`"\\'.includes(next)) {
      add(next);
      i += 2;
    } else if (ch === '$') {
      const d = readDollar(text, i, env);
      add(d.text);
      i = d.end;
    } else if (ch === '`') {
      const end = scanBacktick(text, i);
      add(text.slice(i, end));
      i = end;
    } else {
      add(ch);
      i++;
    }
  }
  return i + 1;
}

/**
 * Fields of a word after splitting unquoted substitutions on blanks. A word
 * that is only an empty unquoted substitution vanishes; `""` stays.
 */
export function splitFields(parts: WordPart[]): string[] {
  const fields: string[] = [];
  let current = '';
  let hasContent = false;
  for (const part of parts) {
    if (!part.splittable) {
      current += part.text;
      hasContent = true;
      continue;
    }
    const pieces = part.text.split(/[ \t\n]+/);
    pieces.forEach((piece, k) => {
      if (k > 0 && (current !== '' || hasContent)) {
        fields.push(current);
        current = '';
        hasContent = false;
      }
      current += piece;
    });
  }
  if (current !== '' || hasContent) fields.push(current);
  return fields;
}

export const joinParts = (parts: WordPart[]): string => parts.map((p) => p.text).join('');
