import { describe, expect, test } from 'vitest';
import { decodePythonSource } from '../../src/python/decode-source.js';

const decode = (bytes: Buffer | string) => decodePythonSource(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, 'svc/app.py');
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodePythonSource', () => {
  test('plain UTF-8', () => {
    expect(decode('name = "café"\n')).toEqual({ text: 'name = "café"\n' });
  });

  test('the UTF-8 byte order mark is stripped', () => {
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import os\n')]))).toEqual({ text: 'import os\n' });
  });

  test('a latin-1 cookie on line 1 decodes as ISO-8859-1 (0x80-0x9f are not cp1252)', () => {
    const bytes = latin1('# -*- coding: latin-1 -*-\nname = "caf\u00e9\u0080"\n');
    expect(decode(bytes)).toEqual({ text: '# -*- coding: latin-1 -*-\nname = "café\u0080"\n' });
  });

  test('a cookie on line 2 counts after a shebang; its spelling is normalised', () => {
    const bytes = latin1('#!/usr/bin/env python\n# vim: set fileencoding=ISO_8859_1 :\nx = "\u00e9"\n');
    expect(decode(bytes)).toEqual({ text: '#!/usr/bin/env python\n# vim: set fileencoding=ISO_8859_1 :\nx = "é"\n' });
  });

  test('a cookie on line 2 does not count after a code line', () => {
    expect(decode(latin1('import os\n# coding: latin-1\nx = "\u00e9"\n'))).toEqual({
      error: 'not valid UTF-8 (no coding declaration): first bad byte on line 3',
    });
  });

  test('cp1252 maps 0x80 to the euro sign', () => {
    expect(decode(latin1('# coding: cp1252\nprice = "\u0080"\n'))).toEqual({ text: '# coding: cp1252\nprice = "€"\n' });
  });

  test('utf-8 cookie variants are accepted', () => {
    expect(decode('# -*- coding: UTF8 -*-\nx = "é"\n')).toEqual({ text: '# -*- coding: UTF8 -*-\nx = "é"\n' });
  });

  test('a coding Python has no codec for is named in the error', () => {
    expect(decode('# coding: klingon-1\nx = 1\n')).toEqual({
      error: "unknown source coding 'klingon-1' (coding declaration on line 1-2): Python has no such codec",
    });
  });

  test.each([
    ['cp1251', Buffer.from('# -*- coding: cp1251 -*-\nGREETING = "\xcf\xf0\xe8\xe2\xe5\xf2"\n', 'latin1'), 'GREETING = "Привет"'],
    ['euc-jp', Buffer.from('# -*- coding: euc-jp -*-\nMSG = "\xa4\xb3\xa4\xf3"\n', 'latin1'), 'MSG = "こん"'],
    ['iso8859_15', Buffer.from('# -*- coding: iso8859_15 -*-\nS = "\xa4uro"\n', 'latin1'), 'S = "€uro"'],
    ['mac-roman', Buffer.from('# coding: mac-roman\nS = "caf\x8e"\n', 'latin1'), 'S = "café"'],
    ['Windows_1251 (an alias)', Buffer.from('# coding: Windows_1251\nS = "\xcf"\n', 'latin1'), 'S = "П"'],
    ['latin9 (an alias)', Buffer.from('# coding: latin9\nS = "\xa4"\n', 'latin1'), 'S = "€"'],
  ])('a %s cookie decodes with the codec Python picks for it', (_name, bytes, line) => {
    const decoded = decode(bytes);
    expect(decoded).toHaveProperty('text');
    expect((decoded as { text: string }).text.split('\n')[1]).toBe(line);
  });

  test('a codec Python has and dockguard cannot decode is a failure that says Python may read it', () => {
    const decoded = decode('# coding: cp037\nx = 1\n');
    expect(decoded).toEqual({
      error: "source coding 'cp037' cannot be decoded by dockguard",
      assumption: 'Python reads it with its cp037 codec, which dockguard cannot decode exactly, so the file may well be valid and its imports are unchecked',
    });
  });

  test('invalid UTF-8 without a cookie names the line of the first bad byte', () => {
    expect(decode(latin1('import os\n\nname = "caf\u00e9"\n'))).toEqual({
      error: 'not valid UTF-8 (no coding declaration): first bad byte on line 3',
    });
  });

  test('an ascii cookie rejects bytes above 0x7f', () => {
    expect(decode(latin1('# coding: ascii\n\u00e9 = 1\n'))).toEqual({ error: "not valid ASCII (coding 'ascii'): byte 0xe9 on line 2" });
  });

  test('a BOM contradicting the cookie is an error, as in CPython', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# coding: latin-1\n')]);
    expect(decode(bytes)).toEqual({ error: "coding 'latin-1' contradicts the UTF-8 byte order mark" });
  });

  test('NUL bytes mean a binary file', () => {
    expect(decode(Buffer.from([0x69, 0x6d, 0x00, 0x70]))).toEqual({ error: 'binary file (contains NUL bytes)' });
  });

  test('files over 2 MiB are refused with their size', () => {
    expect(decode(Buffer.alloc(3 * 1024 * 1024, 0x20))).toEqual({
      error: 'too large to analyse (3.0 MiB)',
      assumption: 'the file is valid Python: dockguard skips files over 2 MiB (generated data), so its imports are unchecked',
    });
    expect(decode(Buffer.alloc(2 * 1024 * 1024, 0x20))).toHaveProperty('text');
  });

  test('an empty file is empty text', () => {
    expect(decode(Buffer.alloc(0))).toEqual({ text: '' });
  });
});

describe('decodePythonSource: cp1252 holes', () => {
  test('a byte cp1252 leaves undefined is an error with its line', () => {
    expect(decode(latin1('# coding: windows-1252\n\nx = "\u0081"\n'))).toEqual({ error: 'not valid cp1252: byte 0x81 on line 3' });
  });
});
