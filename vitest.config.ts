import { defineConfig } from 'vitest/config';

/**
 * Suites that parse Python, run a second time on the WebAssembly engine (the
 * fallback when the native tree-sitter binding does not load): each asserts
 * exact extraction or exact findings, so both engines must read code alike.
 */
const PARSING_SUITES = [
  'test/python/**/*.test.ts',
  'test/analyze/**/*.test.ts',
  'test/check/fixtures.test.ts',
  'test/check/init-bound-names.test.ts',
  'test/check/django-settings.test.ts',
  'test/deps/read-setuptools-project.test.ts',
  'test/rules/DG014-computed-import.test.ts',
  'test/cache/*-codec.test.ts',
];

export default defineConfig({
  test: {
    // Native tree-sitter in worker threads does not mix with vitest's thread pool.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'native', include: ['test/**/*.test.ts', 'bench/test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'wasm',
          include: PARSING_SUITES,
          env: { DOCKGUARD_PARSER: 'wasm' },
          setupFiles: ['test/helpers/load-wasm-engine.ts'],
        },
      },
    ],
  },
});
