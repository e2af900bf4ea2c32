import type { ImageModel, LaunchPlan } from '../types.js';
import { findLauncher } from './launchers/index.js';

// Image references that ship a Python interpreter or Python tooling.
const PYTHON_IMAGES = [
  /(^|\/)python[:@]|(^|\/)python$/,
  /(^|\/)[\w.-]*-python([:@]|$)/,
  /(^|\/)python[\w.-]*[:@]/,
  /(^|\/)pypy[:@\d]|(^|\/)pypy$/,
  /continuumio\/[\w-]*conda/,
  /(^|\/)mambaorg\//,
  /ghcr\.io\/astral-sh\/uv/,
  /distroless\/python3/,
  /functions-framework/,
  /(^|\/)jupyter\//,
  /(^|\/)(pytorch|tensorflow)\//,
];
const PYTHON_TOOLS = /(^|[\s;&|(/])(python[\d.]*|pip[\d.]*|uv|uvx|poetry|pipenv|pdm|conda|mamba|micromamba|pipx|virtualenv)(?=[\s;&|)-]|$)/;
// Wrappers that are Python programs themselves (not tini, env, gosu…).
const PYTHON_WRAPPERS = new Set(['opentelemetry-instrument', 'ddtrace-run', 'newrelic-admin', 'uv', 'poetry', 'pipenv', 'pdm']);

/**
 * Whether the image is a Python service worth checking: a Python base image
 * (or one copied from), a Python launcher, Python tooling in a RUN, or any
 * `.py` file in the image.
 */
export function looksLikePythonImage(image: ImageModel, plan: LaunchPlan): boolean {
  const images = [image.baseImage, ...image.copies.map((c) => c.from)].filter((i): i is string => Boolean(i));
  if (images.some((ref) => PYTHON_IMAGES.some((re) => re.test(ref.toLowerCase())))) return true;
  if (plan.programs.some((p) => findLauncher(p) !== undefined || PYTHON_WRAPPERS.has(p))) return true;
  if (image.runs.some((run) => PYTHON_TOOLS.test(run.form === 'exec' && run.args ? run.args.join(' ') : run.command))) {
    return true;
  }
  for (const path of image.files.keys()) if (path.endsWith('.py')) return true;
  return false;
}

