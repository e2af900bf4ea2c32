import { isUtf8 } from 'node:buffer';
import { decodeCp1252 } from './decode-cp1252.js';
import { lookupPythonCodec, textDecoderFor } from './python-codecs.js';

/** Above this a "Python file" is almost surely generated data; parsing it would stall the hook. */
const MAX_BYTES = 2 * 1024 * 1024;

/** Why a file could not be read; with an assumption when Python itself may well read it (a warning). */
export type SourceFailure = { error: string; assumption?: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** PEP 263: the cookie is a comment on line 1 or 2 matching this (CPython's tokenizer regex). */
const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** Line 2 counts only when line 1 is blank or a comment. */
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#|$)/;

/**
 * Turns a Python file's bytes into text the way CPython's tokenizer would,
 * or says in one line why it cannot. The message omits the path: the caller
 * reports it as a finding that names the file.
 */
export function decodePythonSource(bytes: Buffer, _path: string): { text: string } | SourceFailure {
  if (bytes.length > MAX_BYTES) {
    const size = `${(bytes.length / (1024 * 1024)).toFixed(1)} MiB`;
    return { error: `too large to analyse (${size})`, assumption: `the file is valid Python: dockguard skips files over ${MAX_BYTES / (1024 * 1024)} MiB (generated data), so its imports are unchecked` };
  }
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const coding = readCodingCookie(body);
  if (coding === undefined) return decodeUtf8(body, 'no coding declaration');
  // Python looks the cookie up among its codecs and their aliases; one it lacks is a SyntaxError.
  const codec = lookupPythonCodec(normaliseCoding(coding));
  if (codec === undefined) return { error: `unknown source coding '${coding}' (coding declaration on line 1-2): Python has no such codec` };
  const isUtf8Codec = codec === 'utf-8' || codec === 'utf-8-sig';
  if (hasBom && !isUtf8Codec) return { error: `coding '${coding}' contradicts the UTF-8 byte order mark` };
  if (isUtf8Codec) return decodeUtf8(body, `coding '${coding}'`);
  if (codec === 'ascii') return decodeAscii(body);
  if (codec === 'cp1252') return decodeWindows1252(body);
  // Latin-1 is decoded by Buffer, not TextDecoder: the WHATWG "latin1" label means windows-1252.
  if (codec === 'iso8859-1') return { text: body.toString('latin1') };
  const decoder = textDecoderFor(codec);
  const unchecked = `Python reads it with its ${codec} codec, which dockguard cannot decode exactly, so the file may well be valid and its imports are unchecked`;
  if (!decoder) return { error: `source coding '${coding}' cannot be decoded by dockguard`, assumption: unchecked };
  try {
    return { text: decoder.decode(body) };
  } catch {
    return { error: `not valid ${decoder.encoding} (coding '${coding}')`, assumption: unchecked };
  }
}

function readCodingCookie(bytes: Buffer): string | undefined {
  // Cookies are ASCII, so reading the first two lines as latin-1 is lossless for matching.
  const head = bytes.subarray(0, 1024).toString('latin1').split(/\r\n|\r|\n/, 2);
  const first = head[0] ?? '';
  const match = CODING_COOKIE.exec(first) ?? (BLANK_OR_COMMENT.test(first) ? CODING_COOKIE.exec(head[1] ?? '') : null);
  return match?.[1];
}

/** CPython's `get_normal_name` plus case folding: `UTF_8` → `utf-8`, `latin-1-unix` → `latin-1`. */
function normaliseCoding(coding: string): string {
  const name = coding.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name.startsWith('utf-8-')) return 'utf-8';
  for (const latin of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (name === latin || name.startsWith(`${latin}-`)) return 'latin-1';
  }
  return name;
}

function decodeUtf8(bytes: Buffer, why: string): { text: string } | SourceFailure {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  return { error: `not valid UTF-8 (${why}): first bad byte on line ${lineOfFirstInvalidUtf8(bytes)}` };
}

function decodeAscii(bytes: Buffer): { text: string } | SourceFailure {
  const bad = bytes.findIndex((byte) => byte > 0x7f);
  if (bad === -1) return { text: bytes.toString('latin1') };
  const byte = bytes[bad]!.toString(16);
  return { error: `not valid ASCII (coding 'ascii'): byte 0x${byte} on line ${lineAt(bytes, bad)}` };
}

function decodeWindows1252(bytes: Buffer): { text: string } | SourceFailure {
  const decoded = decodeCp1252(bytes);
  if ('text' in decoded) return decoded;
  const byte = bytes[decoded.badByte]!;
  return { error: `not valid cp1252: byte 0x${byte.toString(16)} on line ${lineAt(bytes, decoded.badByte)}` };
}

/** Only on the error path: validates line by line (0x0A never occurs inside a UTF-8 sequence). */
function lineOfFirstInvalidUtf8(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    line += 1;
    start = end + 1;
  }
  return line;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line += 1;
  return line;
}
