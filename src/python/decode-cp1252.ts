/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F. Node 20's
 * TextDecoder('windows-1252') decodes that range as latin-1, so the table is
 * applied by hand. U+FFFD marks the five bytes CPython's codec rejects.
 */
const HIGH_CONTROLS =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeCp1252(bytes: Buffer): { text: string } | { badByte: number } {
  const text = bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => HIGH_CONTROLS[c.charCodeAt(0) - 0x80]!);
  const bad = text.indexOf('\ufffd');
  // U+FFFD cannot come from latin-1 bytes, so a hit is one of the undefined bytes at the same offset.
  return bad === -1 ? { text } : { badByte: bad };
}
