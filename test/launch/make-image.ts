import path from 'node:path';
import { describeBaseImage } from '../../src/dockerfile/base-image.js';
import { deriveLaunch } from '../../src/launch/derive-launch.js';
import {
  asImagePath,
  asRepoPath,
  type CommandForm,
  type ImageFileOrigin,
  type ImageModel,
  type ImagePath,
  type LaunchPlan,
} from '../../src/types.js';

/** Test image: `files` maps image paths to their text (undefined = present but unreadable). */
export interface TestImage extends Partial<Omit<ImageModel, 'files' | 'dirs'>> {
  files?: Record<string, string | undefined>;
}

export function makeImage(spec: TestImage = {}): ImageModel {
  const files = new Map<ImagePath, ImageFileOrigin>();
  const dirs = new Set<ImagePath>([asImagePath('/')]);
  for (const file of Object.keys(spec.files ?? {})) {
    files.set(asImagePath(file), { repoPath: asRepoPath(file.slice(1)), line: 3 });
    for (let d = path.posix.dirname(file); d !== '/'; d = path.posix.dirname(d)) dirs.add(asImagePath(d));
  }
  const { files: _files, ...rest } = spec;
  return {
    dockerfile: asRepoPath('svc/Dockerfile'),
    target: '0',
    baseImage: 'python:3.12-slim',
    base: describeBaseImage(spec.baseImage ?? 'python:3.12-slim'),
    opaque: [],
    copies: [],
    runs: [],
    workdir: asImagePath('/app'),
    env: {},
    user: undefined,
    shell: [],
    cmd: undefined,
    entrypoint: undefined,
    healthcheck: undefined,
    problems: [],
    ...rest,
    files,
    dirs: new Set([...dirs, ...(spec.workdir ? [spec.workdir] : [asImagePath('/app')])]),
  };
}

export const exec = (line: number, ...args: string[]): CommandForm => ({ form: 'exec', args, line });
export const shell = (line: number, command: string): CommandForm => ({ form: 'shell', command, line });
export const p = (s: string): ImagePath => asImagePath(s);

/** Derives the launch plan of a test image, reading entry scripts from `spec.files`. */
export function launch(spec: TestImage, override?: string | string[]): LaunchPlan {
  const image = makeImage(spec);
  const texts = spec.files ?? {};
  return deriveLaunch({ image, override, readImageText: (file) => texts[file] });
}
