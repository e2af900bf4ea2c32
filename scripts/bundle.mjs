// Bundles the compiled CLI (dist/, from tsc) into one file, plus the parse
// worker. A pre-commit hook pays module loading on every commit: one file
// loads several hundred milliseconds faster than ~250 small modules.
// tree-sitter's native bindings stay external (they are .node binaries), and so does its
// WebAssembly build: web-tree-sitter finds its tree-sitter.wasm next to its own module.
//
// The CLI is bundled as CommonJS (dist/bundle/dockguard.cjs) so that the small
// entry point (dist/bundle/cli.js, copied from scripts/load-cli.mjs) can compile it
// with V8's code cache, which this script then writes (see write-code-cache.mjs).
import { copyFileSync, chmodSync } from 'node:fs';
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['tree-sitter', 'tree-sitter-python', 'web-tree-sitter'],
  logLevel: 'warning',
  legalComments: 'none',
  // Whitespace and syntax only: V8 parses a third less text on every start (~15 ms of a
  // hook's run), while names stay readable in a stack trace.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({
  ...shared,
  format: 'cjs',
  // The sources are ES modules: in CommonJS, `import.meta.url` becomes the bundle's own URL.
  define: { 'import.meta.url': '__dockguardModuleUrl' },
  banner: { js: "const __dockguardModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  entryPoints: { dockguard: 'dist/cli/main.js' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
});
await build({
  ...shared,
  format: 'esm',
  // CommonJS dependencies bundled into ESM still call require().
  banner: { js: "import { createRequire as __dockguardRequire } from 'node:module'; const require = __dockguardRequire(import.meta.url);" },
  entryPoints: { 'parse-worker': 'dist/python/parse-worker.js' },
  outdir: 'dist/bundle',
});
copyFileSync('scripts/load-cli.mjs', 'dist/bundle/cli.js');
chmodSync('dist/bundle/cli.js', 0o755);
