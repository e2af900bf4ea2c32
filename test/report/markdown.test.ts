import { afterAll, describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { codeSpan, escapeMarkdown, mermaidChain, mermaidLabel, tableCell } from '../../src/report/markdown-text.js';
import { checkFixture } from '../helpers/finding-summary.js';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('markdown report', () => {
  // Reviewed by hand: the verdict, the service table (the worker fails through the shared module), each error with its
  // services, chain graph and fixes (one per service, as they differ), the assumed warning with its assumption, folded.
  it('lays out a repository with a shared missing module, a missing package and warnings (fixture report-formats)', async () => {
    expect(formatMarkdown(await checkFixture('report-formats'))).toBe(
      [
        '## dockguard',
        '',
        ':x: **Images would break**: 2 services checked, 3 errors, 2 warnings.',
        '',
        '| service | status | errors | warnings |',
        '| --- | --- | ---: | ---: |',
        '| `services/api/Dockerfile` (api) | :x: failing | 2 | 0 |',
        '| `services/worker/Dockerfile` (worker) | :x: failing | 1 | 2 |',
        '',
        '### Errors',
        '',
        '#### DG101 missing-package: `services/api/app.py:1`',
        '',
        'module yaml is imported but no install provides pyyaml (looked at services/api/requirements.txt); fix: add it to services/api/requirements.txt after line 2',
        '',
        'In `services/api/Dockerfile`.',
        '',
        'Import chain:',
        '',
        '```mermaid',
        'flowchart LR',
        '  n0["services/api/Dockerfile"]',
        '  n0 -->|"line 13"| n1["app"]',
        '  n1 -->|"services/api/app.py:1"| n2["yaml"]',
        '  class n2 finding',
        '  classDef finding stroke:#d1242f,stroke-width:2px',
        '```',
        '',
        '**Fix**: add it to services/api/requirements.txt after line 2',
        '',
        '```text',
        'pyyaml',
        '```',
        '',
        '#### DG001 missing-copy: `shared/audit.py:3`',
        '',
        'module shared.events (shared/events/) is imported but not copied into the image',
        '',
        'In 2 services: `services/api/Dockerfile`, `services/worker/Dockerfile`.',
        '',
        'Import chain (`services/api/Dockerfile`):',
        '',
        '```mermaid',
        'flowchart LR',
        '  n0["services/api/Dockerfile"]',
        '  n0 -->|"line 13"| n1["app"]',
        '  n1 -->|"services/api/app.py:4"| n2["shared.audit"]',
        '  n2 -->|"shared/audit.py:3"| n3["shared.events"]',
        '  class n3 finding',
        '  classDef finding stroke:#d1242f,stroke-width:2px',
        '```',
        '',
        '**Fix** (`services/api/Dockerfile`): add after line 10 of services/api/Dockerfile (the last COPY of the image\'s stage)',
        '',
        '```dockerfile',
        'COPY shared/events/ ./shared/events/',
        '```',
        '',
        '**Fix** (`services/worker/Dockerfile`): add after line 9 of services/worker/Dockerfile (the last COPY of the image\'s stage)',
        '',
        '```dockerfile',
        'COPY shared/events/ ./shared/events/',
        '```',
        '',
        '### Warnings',
        '',
        '<details>',
        '<summary>2 warnings</summary>',
        '',
        '- **DG004 unmodelled-source** `services/worker/Dockerfile:10`: COPY --from=ghcr.io/acme/proto-stubs:2.4 copies from an external image whose files cannot be seen',
        '- **DG001 missing-copy** `services/worker/worker/main.py:3`: module acme\\_proto (acme\\_proto/) is imported but not copied into the image _Assumed: the image may hold it after all: /srv/acme\\_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4 (external image), which may hold it._ (`services/worker/Dockerfile`)',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says a clean repository is clean (fixture multi-stage-correct)', async () => {
    expect(formatMarkdown(await checkFixture('multi-stage-correct'))).toBe(
      [
        '## dockguard',
        '',
        ':white_check_mark: **No errors**: 1 service checked, 0 errors, 0 warnings.',
        '',
        '| service | status | errors | warnings |',
        '| --- | --- | ---: | ---: |',
        '| `Dockerfile` | :white_check_mark: passing | 0 | 0 |',
        '',
      ].join('\n'),
    );
  });
});

describe('markdown escaping', () => {
  it('keeps file names and messages literal in text and table cells', () => {
    expect(escapeMarkdown('billing/__init__.py <b>*x*</b> a|b [l](u) #1 & `c`')).toBe('billing/\\_\\_init\\_\\_.py \\<b\\>\\*x\\*\\</b\\> a\\|b \\[l\\](u) \\#1 \\& \\`c\\`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(tableCell('`a|b`')).toBe('`a\\|b`');
  });

  it('turns every character Mermaid or markdown would read into an entity code, so a label cannot break the graph or the fence', () => {
    expect(mermaidLabel('a "b" #c <i>&</i> ```|\\')).toBe('"a #34;b#34; #35;c #60;i#62;#38;#60;/i#62; #96;#96;#96;#124;#92;"');
    expect(mermaidChain('svc/Dockerfile', [
      { file: 'svc/Dockerfile', line: 9, module: 'app' },
      { file: 'svc/app.py', line: 2, module: 'x"y' },
    ])).toBe(
      [
        '```mermaid',
        'flowchart LR',
        '  n0["svc/Dockerfile"]',
        '  n0 -->|"line 9"| n1["app"]',
        '  n1 -->|"svc/app.py:2"| n2["x#34;y"]',
        '  class n2 finding',
        '  classDef finding stroke:#d1242f,stroke-width:2px',
        '```',
      ].join('\n'),
    );
  });
});
