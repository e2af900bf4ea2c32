// Prints, as JSON, what the compiled extraction reads from every .py file under the given folders,
// with the engine DOCKGUARD_PARSER picks. Run as a child process: one engine per process, as in use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, ...roots] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { loadPythonEngine } = await load('python/parser.js');
const { extractImports } = await load('python/extract-imports.js');
const { readBoundNames } = await load('python/bound-names.js');
const { decodePythonSource } = await load('python/decode-source.js');

const engine = await loadPythonEngine();
const files = roots.flatMap((root) => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.py')).map((e) => path.join(e.parentPath, e.name)));
const read = {};
for (const file of files.sort()) {
  const decoded = decodePythonSource(readFileSync(file), file);
  if ('error' in decoded) continue;
  const bound = readBoundNames(decoded.text);
  read[file] = { parsed: extractImports(decoded.text), bound: { ...bound, names: [...bound.names].sort() } };
}
process.stdout.write(JSON.stringify({ engine: engine.name, read }));
