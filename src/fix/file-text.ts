/** How a file's bytes become text, so it can be written back byte for byte where nothing changed. */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';

/** One line and the line break that ends it (`''` for a last line without one). */
export interface TextLine {
  text: string;
  end: string;
}

/** A file as lines, each keeping its own line break, plus what a new line should end with. */
export interface FileText {
  lines: TextLine[];
  /** The file's most common line break: what inserted lines get. */
  eol: '\n' | '\r\n' | '\r';
  encoding: TextEncoding;
}

/**
 * Decodes a file for editing: a BOM says UTF-8 or UTF-16; otherwise UTF-8
 * when the bytes are valid UTF-8, else Latin-1, which maps every byte to one
 * character and back, so even a file in an unknown 8-bit encoding survives
 * the ASCII lines a fix adds.
 */
export function decodeFileText(bytes: Buffer): FileText {
  const { encoding, text } = decode(bytes);
  const lines: TextLine[] = [];
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match[0] as keyof typeof counts;
    counts[end]++;
    lines.push({ text: text.slice(start, match.index), end });
    start = match.index + end.length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), end: '' });
  const eol = counts['\r\n'] > counts['\n'] && counts['\r\n'] >= counts['\r'] ? '\r\n' : counts['\r'] > counts['\n'] ? '\r' : '\n';
  return { lines, eol, encoding };
}

export function encodeFileText(file: FileText): Buffer {
  const text = file.lines.map((line) => line.text + line.end).join('');
  switch (file.encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

/** The text of a file, line breaks included. */
export const joinLines = (file: FileText): string => file.lines.map((line) => line.text + line.end).join('');

/**
 * `file` with `added` lines after line `after` (1-based; 0 = at the top).
 * A file without a final line break keeps none: the line it ended with gets
 * one, the last added line goes without.
 */
export function insertLines(file: FileText, after: number, added: readonly string[]): FileText {
  const lines = file.lines.map((line) => ({ ...line }));
  const at = Math.max(0, Math.min(after, lines.length));
  const fresh = added.map((text) => ({ text, end: file.eol as string }));
  const previous = lines[at - 1];
  if (at === lines.length && previous && previous.end === '') {
    previous.end = file.eol;
    fresh[fresh.length - 1]!.end = '';
  }
  lines.splice(at, 0, ...fresh);
  return { ...file, lines };
}

function decode(bytes: Buffer): { encoding: TextEncoding; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8-bom', text: bytes.subarray(3).toString('utf8') };
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes.length % 2 === 0) return { encoding: 'utf16le', text: bytes.subarray(2).toString('utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff && bytes.length % 2 === 0) return { encoding: 'utf16be', text: Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') };
  try {
    return { encoding: 'utf8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'latin1', text: bytes.toString('latin1') };
  }
}

/** `file` with its whole text replaced, keeping its encoding and the line break new lines get. */
export function withText(file: FileText, text: string): FileText {
  const split = decodeFileText(Buffer.from(text, 'utf8'));
  return { ...file, lines: split.lines };
}
