import { readFileSync } from 'node:fs';

/** The installed package's version (dist/ → package root). */
export function readOwnVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
