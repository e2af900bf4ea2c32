import { describe, expect, it } from 'vitest';
import { readHeredocs } from '../../src/dockerfile/read-heredocs.js';

describe('readHeredocs', () => {
  it('splits the header from bodies in marker order, with <<- tab stripping and quoted delimiters', () => {
    const { header, heredocs } = readHeredocs('<<A cat > /a.py && <<-"B" python\nprint(1)\nA\n\timport json\n\tB', 5, '\\');
    expect(header).toBe('<<A cat > /a.py && <<-"B" python');
    expect(heredocs).toEqual([
      { name: 'A', content: 'print(1)\n', line: 6, quoted: false },
      { name: 'B', content: 'import json\n', line: 8, quoted: true },
    ]);
  });

  it('joins a header continued over escaped newlines and counts its lines', () => {
    const { header, heredocs } = readHeredocs('pip install \\\n  <<EOF\nx\nEOF', 1, '\\');
    expect(header).toBe('pip install    <<EOF');
    expect(heredocs).toEqual([{ name: 'EOF', content: 'x\n', line: 3, quoted: false }]);
  });

  it('ignores here-strings (<<<)', () => {
    expect(readHeredocs('cat <<<word', 1, '\\').heredocs).toEqual([]);
  });
});
