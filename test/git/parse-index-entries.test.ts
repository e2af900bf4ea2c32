import { describe, expect, it } from 'vitest';
import { parseIndexEntries } from '../../src/git/parse-index-entries.js';

const SHA1 = 'a'.repeat(40);
const SHA256 = 'b'.repeat(64);

describe('parseIndexEntries', () => {
  it('reads mode, oid, stage and a raw path that may hold spaces and tabs', () => {
    const output = Buffer.from(`100644 ${SHA1} 0\tsvc/my app/main.py\x00120000 ${SHA256} 0\tsvc/link\x00100644 ${SHA1} 2\tweird\tname.py\x00`);
    expect(parseIndexEntries(output)).toEqual([
      { mode: '100644', oid: SHA1, stage: 0, path: 'svc/my app/main.py' },
      { mode: '120000', oid: SHA256, stage: 0, path: 'svc/link' },
      { mode: '100644', oid: SHA1, stage: 2, path: 'weird\tname.py' },
    ]);
  });

  it('reads non-ASCII paths as UTF-8', () => {
    expect(parseIndexEntries(Buffer.from(`100644 ${SHA1} 0\tcafé/naïve.py\x00`))[0]?.path).toBe('café/naïve.py');
  });

  it('throws on a record it does not understand instead of dropping it', () => {
    expect(() => parseIndexEntries(Buffer.from('garbage\x00'))).toThrow(/unexpected git ls-files record/);
    expect(() => parseIndexEntries(Buffer.from(`100644 ${SHA1} 7\ta.py\x00`))).toThrow(/unexpected/);
  });
});
