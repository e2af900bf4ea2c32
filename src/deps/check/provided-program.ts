import path from 'node:path/posix';
import { DEFAULT_PATH } from '../../launch/image-paths.js';
import type { ImageModel } from '../../types.js';

/**
 * Where the image gets `program` other than from a Python install, in words,
 * or undefined: the base image ships it (data/base-images.json), or a COPY
 * from an image, a stage or the context puts a file of that name in a folder
 * on PATH (`COPY --from=ghcr.io/astral-sh/uv /uv /bin/`).
 */
export function findProvidedProgram(image: ImageModel, program: string): string | undefined {
  const name = path.basename(program);
  if (image.base.kind === 'known' && Object.hasOwn(image.base.programs, name)) {
    const at = image.base.programs[name] as string;
    if (!program.includes('/') || path.resolve(image.workdir, program) === at) return `the base image ${image.base.reference} ships ${at}`;
  }
  const onPath = new Set((image.env.PATH ?? DEFAULT_PATH).split(':').filter((dir) => dir.startsWith('/')));
  for (const copy of image.copies) {
    for (const source of copy.sources) {
      if (/[*?[]/.test(source)) continue;
      const dest = copy.destIsDir ? path.join(copy.destPath, path.basename(source)) : (copy.destPath as string);
      const matches = program.includes('/') ? path.resolve(image.workdir, program) === dest : path.basename(dest) === name && onPath.has(path.dirname(dest));
      if (matches) return `line ${copy.line} copies ${source}${copy.from !== undefined ? ` from ${copy.from}` : ''} to ${dest}`;
    }
  }
  return undefined;
}
