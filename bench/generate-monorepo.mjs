#!/usr/bin/env node
/**
 * Writes a synthetic, deterministic Python monorepo for the benchmark and
 * commits it in its own git repository.
 *
 *   node bench/generate-monorepo.mjs [--files 3000] [--services 30] [--seed 1729] [--out bench/.work/monorepo] [--no-plant]
 *
 * Prints what it planted (services whose Dockerfile lacks a library COPY)
 * and writes the same as JSON next to the repository (`<out>.manifest.json`).
 * `--no-plant` writes the same files and imports without planted bugs: every image
 * complete, as a repository that passes its hook is.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMonorepo } from './lib/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3000' },
    services: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1729' },
    out: { type: 'string', default: path.join(here, '.work', 'monorepo') },
    'no-plant': { type: 'boolean', default: false },
  },
});

const started = process.hrtime.bigint();
const manifest = generateMonorepo({
  files: Number(values.files),
  services: Number(values.services),
  seed: Number(values.seed),
  out: path.resolve(values.out),
  plant: !values['no-plant'],
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(`wrote ${manifest.pythonFiles} Python files (${manifest.pythonLines} lines), ${manifest.services} services, ${manifest.libs} libraries to ${manifest.out} in ${seconds.toFixed(2)} s`);
console.log(manifest.planted.length > 0 ? 'planted missing COPYs:' : 'no planted bugs');
for (const p of manifest.planted) {
  console.log(`  ${p.dockerfile}: no COPY of libs/${p.missingLib}/ (imported as ${p.module} by ${p.importedBy})`);
}
