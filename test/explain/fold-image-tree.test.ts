import { describe, expect, it } from 'vitest';
import { foldImageTree } from '../../src/explain/fold-image-tree.js';
import { model } from '../dockerfile/model-helpers.js';

const DOCKERFILE = [
  'FROM python:3.12-slim AS build',
  'WORKDIR /src',
  'COPY pkg/ pkg/',
  'RUN pip wheel --wheel-dir /wheels ./pkg',
  'FROM python:3.12-slim',
  'WORKDIR /app',
  'COPY --from=build /wheels /wheels',
  'COPY app/ ./',
  'COPY app/api/v2/ ./api/v2/',
  'COPY <<EOF /etc/app.ini',
  '[app]',
  'EOF',
  'CMD ["python", "main.py"]',
].join('\n');

const CONTEXT = ['pkg/setup.py', 'pkg/lib/core.py', 'app/main.py', 'app/api/__init__.py', 'app/api/v1/routes.py', 'app/api/v2/routes.py', 'app/api/v2/models.py'];

describe('foldImageTree', () => {
  const image = model(DOCKERFILE, CONTEXT);

  it('opens only folders of mixed origin, and shows one line for a folder filled by one instruction', () => {
    const summary = foldImageTree(image, { depth: 3, verbose: false });
    const lines: string[] = [];
    const walk = (node: (typeof summary.tree)[number], indent: string): void => {
      const origins = node.origins.map((o) => `${o.kind}${'line' in o ? `@${o.line}` : ''}${o.kind === 'copy' ? `:${o.stage}` : ''}×${o.files}`).join(' ');
      lines.push(`${indent}${node.path} ${node.files} [${origins}]${node.here ? ` here[${node.here.map((o) => `${o.kind}@${'line' in o ? o.line : ''}`).join(' ')}]` : ''}${node.folded ? ` +${node.folded}` : ''}`);
      for (const child of node.children) walk(child, `${indent}  `);
    };
    for (const node of summary.tree) walk(node, '');
    expect(summary.files).toBe(image.files.size);
    expect(lines).toEqual([
      '/app 5 [copy@8:1×3 copy@9:1×2] here[copy@8]',
      '  /app/api 4 [copy@8:1×2 copy@9:1×2] here[copy@8]',
      '    /app/api/v1 1 [copy@8:1×1]',
      '    /app/api/v2 2 [copy@9:1×2]',
      '/etc 1 [heredoc@10×1]',
      '/wheels 0 [unknown@7×0]',
    ]);
  });

  it('folds mixed folders below the depth limit (levels below /) into their counts', () => {
    const [app] = foldImageTree(image, { depth: 2, verbose: false }).tree;
    expect(app!.children.map((c) => [c.path, c.folded])).toEqual([['/app/api', 2]]);
  });

  it('lists every file with its origin when verbose', () => {
    const [app] = foldImageTree(image, { depth: 0, verbose: true }).tree;
    const v2 = app!.children.find((c) => c.path === '/app/api')!.children.find((c) => c.path === '/app/api/v2')!;
    expect(v2.children.map((c) => [c.path, c.repoDirs, c.origins[0]])).toEqual([
      ['/app/api/v2/models.py', ['app/api/v2/models.py'], { kind: 'copy', instruction: 'COPY', line: 9, stage: '1', text: 'COPY app/api/v2/ ./api/v2/', files: 1 }],
      ['/app/api/v2/routes.py', ['app/api/v2/routes.py'], { kind: 'copy', instruction: 'COPY', line: 9, stage: '1', text: 'COPY app/api/v2/ ./api/v2/', files: 1 }],
    ]);
  });
});
