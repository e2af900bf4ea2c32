import path from 'node:path/posix';
import type { RunRecord } from '../../types.js';
import type { InstallCommand } from '../installs.js';
import { nameFromLocation } from '../name-from-location.js';
import { overlaps } from './install-landing.js';
import type { InstallReadContext } from './install-read-context.js';
import { readPipInstall } from './read-pip-install.js';

/**
 * `pip install /wheels/*`: the wheels a `pip wheel` built, in this stage or
 * in one the image copies the wheel folder from. A single named wheel file
 * tells its distribution by name.
 */
export async function readWheelInstall(word: string, install: InstallCommand, run: RunRecord, ctx: InstallReadContext): Promise<string[]> {
  const imagePath = path.resolve(install.cwd, word);
  const dir = word.includes('*') ? path.dirname(imagePath.slice(0, imagePath.indexOf('*') + 1)) : path.dirname(imagePath);
  const build = findBuild(dir, run, ctx);
  if (build) {
    // The wheels were compiled where they were built: build-time OS needs are that stage's (install.line keeps the final one).
    const installingStage = ctx.set.currentStage;
    ctx.set.currentStage = build.run.stage;
    try {
      // `pip install --no-deps dist/*.whl` of a project's own wheel installs the project alone.
      return await readPipInstall(build.projectWheel && install.noDeps ? { ...build.install, noDeps: true } : build.install, build.run, ctx);
    } finally {
      ctx.set.currentStage = installingStage;
    }
  }
  const { name } = word.includes('*') ? { name: '' } : nameFromLocation(word);
  if (name) ctx.set.add({ name, extras: [], file: ctx.image.dockerfile, line: install.line, via: 'inline' });
  else ctx.set.incomplete.push({ file: ctx.image.dockerfile, line: install.line, reason: `cannot tell which wheels ${word} holds (no \`pip wheel\` in the Dockerfile builds them)` });
  return [];
}

/** The wheel build behind an image folder: same stage, through `COPY --from=<stage>`, or a RUN's bind mount of that stage's folder. */
function findBuild(dir: string, run: RunRecord, ctx: InstallReadContext) {
  const local = ctx.wheelBuilds.find((b) => b.stage === run.stage && b.dir === dir && b.run.line < run.line);
  if (local) return local;
  for (const mount of run.bindMounts) {
    if (mount.from === undefined || mount.source === undefined || !overlaps(dir, mount.target)) continue;
    const inSource = path.join(mount.source, path.relative(mount.target, dir));
    const build = ctx.wheelBuilds.find((b) => b.stage === mount.from && (b.dir === inSource || overlaps(b.dir, inSource)));
    if (build) return build;
  }
  for (const copy of ctx.image.copies) {
    if (copy.from === undefined || copy.stage !== run.stage || copy.line > run.line || !overlaps(dir, copy.destPath)) continue;
    for (const source of copy.sources) {
      const from = (source.startsWith('/') ? source : `/${source}`).replace(/\/+$/, '') || '/';
      const inSource = copy.destIsDir && from !== dir ? path.join(from, path.relative(copy.destPath, dir)) : from;
      const build = ctx.wheelBuilds.find((b) => b.stage === copy.from && (b.dir === inSource || overlaps(b.dir, inSource)));
      if (build) return build;
    }
  }
  return undefined;
}
