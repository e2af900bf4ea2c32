import path from 'node:path/posix';
import type { Fix, ImageModel } from '../../types.js';
import { debianPackageOf } from '../installed/debian-python-names.js';
import type { DeclarationTarget, InstalledSet } from '../installed/installed-set.js';

/**
 * The line that makes `distribution` installed: in the file the image's last
 * install reads (later installs are the service's own, earlier ones shared),
 * with the lock to regenerate or the command that edits both.
 */
export function proposePackageFix(distribution: string, set: InstalledSet, image: ImageModel, target: DeclarationTarget | undefined = set.declarations.at(-1)): Fix {
  if (!target) {
    const os = set.osPythonInstalls.at(-1);
    if (os !== undefined) return osPackageFix(distribution, os, image);
    const line = Math.max(0, (image.cmd?.line ?? image.entrypoint?.line ?? 1) - 1);
    return {
      file: image.dockerfile, line, text: `RUN pip install --no-cache-dir ${distribution}`,
      description: `no RUN installs Python packages with pip: add this RUN after line ${line} of ${image.dockerfile}`,
    };
  }
  return { file: target.file, line: target.afterLine, text: textFor(target, distribution), description: describe(target, distribution, image.dockerfile) };
}

/** An image whose Python packages all come from apt or apk (on the distribution's own python3) gets the OS package. */
function osPackageFix(distribution: string, os: { line: number; manager: 'apt' | 'apk' }, image: ImageModel): Fix {
  const name = distribution.replace(/\[.*$/, '');
  // Alpine names most after the project (py3-<name>), and dockguard has no index of them: a guess the description says.
  const pkg = os.manager === 'apt' ? debianPackageOf(name) : `py3-${name}`;
  const tool = os.manager === 'apt' ? 'apt-get install' : 'apk add';
  if (pkg === undefined) {
    return { file: image.dockerfile, line: os.line, text: `RUN pip install --no-cache-dir --break-system-packages ${distribution}`, description: `no python3-* package dockguard knows holds ${name}: install it with pip after line ${os.line} of ${image.dockerfile}` };
  }
  const guess = os.manager === 'apk' ? ' (if Alpine packages it under that name)' : '';
  return { file: image.dockerfile, line: os.line, text: pkg, description: `add ${pkg} to the ${tool} on line ${os.line} of ${image.dockerfile}${guess}` };
}

function textFor(target: DeclarationTarget, distribution: string): string {
  switch (target.kind) {
    case 'pep621':
      return `    "${distribution}",`;
    case 'poetry':
    case 'pipfile':
      return tableEntry(distribution);
    default:
      return distribution;
  }
}

/**
 * A Poetry or Pipfile dependency line. With extras it is an inline table, since
 * `pydantic[email] = "*"` is no TOML key: `pydantic = { version = "*", extras = ["email"] }`.
 */
function tableEntry(distribution: string): string {
  const [, name, extrasText] = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(distribution) ?? [distribution, distribution, undefined];
  const extras = extrasText?.split(',').map((e) => e.trim()).filter(Boolean) ?? [];
  return `${name} = ${anyVersionValue(extras)}`;
}

/** The TOML value of a Poetry or Pipfile dependency on any version: `"*"`, or with extras an inline table. */
export function anyVersionValue(extras: readonly string[]): string {
  return extras.length === 0 ? '"*"' : `{ version = "*", extras = [${extras.map((e) => `"${e}"`).join(', ')}] }`;
}

function describe(target: DeclarationTarget, distribution: string, dockerfile: string): string {
  if (target.kind === 'dockerfile') return `add ${distribution} to the pip install on line ${target.installLine} of ${dockerfile}`;
  const where = `add it to ${target.file} after line ${target.afterLine}`;
  if (target.lock === undefined) return where;
  if (target.command !== undefined) {
    const dir = path.dirname(target.file);
    return `run \`${target.command} ${distribution}\`${dir === '.' ? '' : ` in ${dir}`} (it adds the line to ${path.basename(target.file)} and updates ${path.basename(target.lock)}), or ${where} and regenerate ${target.lock}`;
  }
  return `${where}, then regenerate its lock ${target.lock}`;
}
