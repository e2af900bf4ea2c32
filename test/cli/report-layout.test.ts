import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli, withoutTiming } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

/** hook-monorepo, with shared/util.py importing billing (which no image copies) and an optional accelerator. */
function sharedModuleBreaksTwoImages(): string {
  const root = makeFixtureRepo('hook-monorepo');
  const file = path.join(root, 'shared', 'util.py');
  const text = readFileSync(file, 'utf8').replace('import re\n', 'import re\n\nfrom billing.invoice import describe\n\ntry:\n    import ujson as json\nexcept ImportError:\n    import json\n');
  writeFileSync(file, text);
  return root;
}

describe('the text report a blocked developer reads', () => {
  it('prints a problem several services share once, with its services and each one’s fix, and collapses warnings while there are errors', () => {
    const run = runCli(sharedModuleBreaksTwoImages(), ['check']);
    expect(run.status).toBe(1);
    expect(withoutTiming(run.stdout)).toBe(
      [
        'error DG001 missing-copy  shared/util.py:4',
        '  module billing.invoice (billing/) is imported but not copied into the image',
        '  in 2 services: services/api/Dockerfile, services/worker/Dockerfile',
        '  import chain (services/api/Dockerfile):',
        '    services/api/Dockerfile:13  starts app',
        '    services/api/app.py:4       imports shared.util',
        '    shared/util.py:4            imports billing.invoice',
        "  fix: (services/api/Dockerfile) add after line 10 of services/api/Dockerfile (the last COPY of the image's stage)",
        '    COPY billing/ ./billing/',
        "  fix: (services/worker/Dockerfile) add after line 8 of services/worker/Dockerfile (the last COPY of the image's stage)",
        '    COPY billing/ ./billing/',
        '',
        '2 warnings not shown while there are errors (--verbose shows them)',
        '',
        '✖ dockguard: 3 services checked · 2 errors · 2 warnings · <time>',
        '',
      ].join('\n'),
    );
  });

  it('--verbose shows the warnings too, after the errors, and each service’s context and command', () => {
    const run = runCli(sharedModuleBreaksTwoImages(), ['check', '--verbose']);
    const text = withoutTiming(run.stdout);
    expect(text).toContain('services/api/Dockerfile (api)\n  context . (compose: docker-compose.yml:3) · runs CMD ["gunicorn", "--bind", ":8080", "app:app"] (services/api/Dockerfile line 13)\n');
    expect(text.indexOf('warning DG101 missing-package  shared/util.py:7')).toBeGreaterThan(text.indexOf('error DG001 missing-copy  shared/util.py:4'));
    expect(text).toContain('warning DG101 missing-package  shared/util.py:7\n  module ujson is imported but no install provides ujson');
    expect(text).toContain('  in 2 services: services/api/Dockerfile, services/worker/Dockerfile\n');
  });
});
