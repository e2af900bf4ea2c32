import { describe, expect, it } from 'vitest';
import { buildImageModel } from '../../src/dockerfile/build-image-model.js';
import { createIgnoreMatcher, parseIgnoreFile } from '../../src/dockerfile/dockerignore.js';
import { asRepoPath } from '../../src/types.js';
import { makeContext } from './model-helpers.js';

/** A 5,000-file monorepo: 50 services × 10 packages × 10 modules. */
function monorepoFiles(): string[] {
  const files: string[] = [];
  for (let s = 0; s < 50; s++) {
    for (let p = 0; p < 10; p++) for (let m = 0; m < 10; m++) files.push(`services/svc${s}/pkg${p}/mod${m}.py`);
  }
  return files;
}

// Speed itself is measured in bench/; these check the large-context paths give exact results.
describe('large build contexts', () => {
  it('models 30 Dockerfiles over a 5,000-file context with every file placed', () => {
    const context = makeContext(monorepoFiles());
    const text = [
      'FROM python:3.12-slim AS build', 'WORKDIR /w', 'COPY . .', 'RUN pip install .',
      'FROM python:3.12-slim', 'WORKDIR /app', 'COPY --from=build /w /app', 'COPY services/svc1 ./svc1',
      'COPY --exclude=**/mod9.py services/ ./all/', 'COPY services/*/pkg1 ./p1/', 'CMD ["python", "-m", "svc1"]',
    ].join('\n');
    for (let i = 0; i < 30; i++) {
      const m = buildImageModel({ dockerfile: asRepoPath(`d${i}/Dockerfile`), text, context, buildArgs: {} });
      // all of /w, svc1, services minus mod9, and pkg1 contents merged into one dir.
      expect(m.files.size).toBe(5000 + 100 + 4500 + 10);
    }
  });

  it('filters 5,000 paths through a .dockerignore', () => {
    const matcher = createIgnoreMatcher(parseIgnoreFile('**/__pycache__\n*\n!services\nservices/svc1*\n!services/svc1/pkg1\n**/mod3.py\n'));
    const kept = monorepoFiles().filter((f) => !matcher.isExcluded(f, false));
    // svc1 and svc10-19 go (1,100), svc1/pkg1 comes back (10), then every mod3.py goes (391).
    expect(kept.length).toBe(5000 - 1100 + 10 - 391);
  });
});
