import { describe, expect, it } from 'vitest';
import { assumeUnevaluablePaths } from '../../src/analyze/path-change-effects.js';
import type { MissingModule } from '../../src/types.js';
import { asRepoPath } from '../../src/types.js';
import { model } from '../dockerfile/model-helpers.js';

const missing = (module: string): MissingModule => ({
  module,
  file: 'onyx/configs/sentry.py',
  line: 40,
  guarded: true,
  dynamic: false,
  chain: [],
  repoPath: asRepoPath(`${module.replaceAll('.', '/')}.py`),
  reason: 'not-copied',
});

describe('a sys.path change dockguard cannot evaluate (an env_file that may set PYTHONPATH)', () => {
  // The model server copies single files of onyx/utils, and a second onyx folder sits elsewhere in the image.
  const image = model('FROM python:3.11\nWORKDIR /app\nCOPY onyx/utils/logger.py /app/onyx/utils/\nCOPY onyx/configs/ /app/onyx/configs/\nCOPY tools/onyx/ /opt/tools/onyx/\n', [
    'onyx/utils/logger.py',
    'onyx/configs/sentry.py',
    'tools/onyx/utils/telemetry.py',
    'tools/onyx/__init__.py',
  ]);
  const pathChanges = { inserted: [], appended: [], sources: [], unevaluable: [{ file: 'docker-compose.yml', line: 8, why: 'gives the container env_file .env, which may set PYTHONPATH' }] };

  it('makes a failed import a guess only when some folder of the image holds that very module', () => {
    const telemetry = missing('onyx.utils.telemetry');
    const held = assumeUnevaluablePaths({ missing: [telemetry], externalImports: [], pathChanges }, new Set([telemetry]), image, () => true);
    expect(held.missing[0]!.assumption).toContain('may make importable');
  });

  it('leaves a module no folder of the image holds a proven failure, though its package is held twice', () => {
    const metrics = missing('onyx.utils.metrics');
    const notHeld = assumeUnevaluablePaths({ missing: [metrics], externalImports: [], pathChanges }, new Set([metrics]), image, () => true);
    expect(notHeld.missing[0]!.assumption).toBeUndefined();
  });
});
