import path from 'node:path';
import { asImagePath, type ImageModel, type ImagePath, type RepoPath } from '../types.js';
import type { ClosureRoot } from './import-closure.js';
import type { UnseenPathSource } from './unseen-path-sources.js';

/** site.py reads these in each site-packages folder at startup, before any of the service's code runs. */
const PTH_FILE = /\/(?:site|dist)-packages\/[^/]+\.pth$/;
const CUSTOMIZE_FILE = /\/(?:site|dist)-packages\/(?:site|user)customize\.py$/;

/** What the files the build puts in site-packages do at startup. */
export interface StartupPathFiles {
  /** Folders `.pth` lines append to sys.path, with the line that names each. */
  entries: Array<{ entry: ImagePath; file: RepoPath; line: number }>;
  /** `.pth` lines that run code (`import …`): any folder may come of them. */
  unseen: UnseenPathSource[];
  /** `sitecustomize.py`/`usercustomize.py`: modules `site` imports before the service's own code. */
  roots: ClosureRoot[];
  /** Repository files read here, inputs of the check. */
  read: RepoPath[];
}

/**
 * `.pth` files and `sitecustomize.py` the build copies into site-packages
 * (`COPY docker/paths.pth /usr/local/lib/python3.12/site-packages/`). site.py
 * appends each existing folder a `.pth` line names (relative to the
 * site-packages folder), executes lines that start with `import`, and then
 * imports sitecustomize and usercustomize: their sys.path changes and
 * imports are the process's, like an entry module's.
 */
export async function findStartupPathFiles(image: ImageModel, dockerfile: string, readText: (file: RepoPath) => Promise<string | undefined>): Promise<StartupPathFiles> {
  const found: StartupPathFiles = { entries: [], unseen: [], roots: [], read: [] };
  for (const [imagePath, origin] of image.files) {
    if (CUSTOMIZE_FILE.test(imagePath)) found.roots.push({ imagePath, file: dockerfile, line: origin.line });
    if (!PTH_FILE.test(imagePath)) continue;
    const text = origin.inline ?? (await readText(origin.repoPath));
    found.read.push(origin.repoPath);
    if (text === undefined) {
      found.unseen.push({ file: origin.repoPath, line: 0, why: 'is a .pth file dockguard cannot read, whose folders Python puts on sys.path' });
      continue;
    }
    readPthLines(text, path.posix.dirname(imagePath), origin.repoPath, found);
  }
  return found;
}

function readPthLines(text: string, siteDir: string, file: RepoPath, into: StartupPathFiles): void {
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    if (/^import[ \t]/.test(line)) into.unseen.push({ file, line: index + 1, why: 'is a .pth line Python executes at startup, which may change sys.path' });
    else into.entries.push({ entry: asImagePath(path.posix.resolve(siteDir, line)), file, line: index + 1 });
  });
}
