import { describe, expect, it } from 'vitest';
import type { Explanation, ImageTreeNode } from '../../src/explain/explanation.js';
import { formatExplanationText } from '../../src/report/explain-text.js';

const COPY_ALL = { kind: 'copy', instruction: 'COPY', line: 9, stage: 'app', text: 'COPY . /srv/', files: 0 } as const;

const folder = (name: string, files: number): ImageTreeNode => ({
  path: `/srv/shop/${name}`, files, origins: [{ ...COPY_ALL, files }], repoDirs: [`shop/${name}`], children: [], folded: 0,
});

const explanation = (children: ImageTreeNode[]): Explanation => ({
  version: 1,
  service: { dockerfile: 'Dockerfile', context: '.', target: 'app', baseImage: 'python:3.12-slim' },
  status: 'checked',
  findings: [],
  image: {
    files: 40,
    baseImage: 'python:3.12-slim',
    tree: [{ path: '/srv/shop', files: 40, origins: [{ ...COPY_ALL, files: 38 }, { kind: 'mount', files: 2 }], repoDirs: ['shop'], children, folded: 0 }],
  },
  sysPath: [],
  launch: { command: '', file: 'Dockerfile', line: 0, roots: [], derived: true },
  installs: [],
  imports: [],
});

const imageSection = (text: string): string[] => {
  const lines = text.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('image files')) + 2, lines.findIndex((l) => l.startsWith('sys.path')) - 1);
};

describe('formatExplanationText: the image tree', () => {
  const children = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name, i) => folder(name, i + 1));

  it('counts sibling folders of one origin after the first five', () => {
    expect(imageSection(formatExplanationText(explanation(children), { color: false }))).toEqual([
      '    /srv/shop/a  1 file  COPY . /srv/ (line 9, stage app) ← shop/a',
      '    /srv/shop/b  2 files  COPY . /srv/ (line 9, stage app) ← shop/b',
      '    /srv/shop/c  3 files  COPY . /srv/ (line 9, stage app) ← shop/c',
      '    /srv/shop/d  4 files  COPY . /srv/ (line 9, stage app) ← shop/d',
      '    /srv/shop/e  5 files  COPY . /srv/ (line 9, stage app) ← shop/e',
      '    … 3 more folders (21 files) from the same COPY . /srv/ (line 9, stage app) (--verbose lists them)',
    ]);
  });

  it('shows them all with --verbose, and six alike without it', () => {
    expect(imageSection(formatExplanationText(explanation(children), { color: false, verbose: true }))).toHaveLength(8);
    expect(imageSection(formatExplanationText(explanation(children.slice(0, 6)), { color: false }))).toHaveLength(6);
  });
});
