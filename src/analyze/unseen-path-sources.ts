import type { ImageModel, ServiceSpec } from '../types.js';

/** A place outside the modules that may put folders on sys.path, with why in words. */
export interface UnseenPathSource {
  file: string;
  line: number;
  why: string;
}

/** A `.pth` file named by a RUN that writes, copies or links files: Python's site module puts each of its lines on sys.path. */
const NAMES_PTH = /\.pth\b/;
const WRITES = />|\b(?:tee|cp|mv|ln|install)\b|\.write(?:_text|lines)?\s*\(|\bopen\s*\(/;

/**
 * What may add to the container's sys.path where dockguard cannot read it:
 * a RUN that writes a `.pth` file (site-packages reads each line as a
 * folder), and a PYTHONPATH the deployment sets from a file or the shell
 * (compose `env_file`). Like a `sys.path.insert` of an unevaluable
 * expression, each turns a failed absolute import of a name the image holds
 * somewhere into a guess.
 */
export function findUnseenPathSources(image: ImageModel, service: Pick<ServiceSpec, 'environment' | 'contextOrigin'>): UnseenPathSource[] {
  const sources: UnseenPathSource[] = [];
  for (const run of image.runs) {
    const text = run.form === 'exec' && run.args ? run.args.join(' ') : run.command;
    if (NAMES_PTH.test(text) && WRITES.test(text)) sources.push({ file: image.dockerfile, line: run.line, why: 'writes a .pth file, whose folders Python puts on sys.path' });
  }
  const unknown = service.environment?.pythonPathUnknown;
  if (unknown !== undefined) {
    const [file = image.dockerfile, line = '0'] = (service.contextOrigin ?? '').split(/:(?=\d+$)/);
    sources.push({ file, line: Number(line), why: `gives the container ${unknown}` });
  }
  return sources;
}
