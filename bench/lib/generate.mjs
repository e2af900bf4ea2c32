import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planMonorepo } from './plan-monorepo.mjs';
import { renderModule } from './render-module.mjs';
import { renderCompose, renderDockerfile, renderRequirements, renderRootFiles } from './render-repo-files.mjs';
import { createRandom } from './random.mjs';

/** Where the manifest of a generated repository lives: beside it, so it is not part of the repository. */
export const manifestPathFor = (out) => `${out}.manifest.json`;

function git(cwd, args) {
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2024-06-01T12:00:00Z',
      GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_COMMITTER_DATE: '2024-06-01T12:00:00Z',
    },
  });
}

/** Only ever deletes a directory this generator made (it has a manifest) or an empty one. */
function prepareOut(out) {
  if (existsSync(out)) {
    if (!existsSync(manifestPathFor(out)) && readdirSync(out).length > 0) {
      throw new Error(`${out} exists and was not made by this generator; pick another --out`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

export function generateMonorepo({ files, services, seed, out, plant = true }) {
  const plan = planMonorepo({ files, services, seed, plant });
  prepareOut(out);
  const rng = createRandom(seed ^ 0x5eed);
  const written = new Map(Object.entries(renderRootFiles(plan)));
  written.set('docker-compose.yml', renderCompose(plan.services));
  let pythonLines = 0;
  for (const owner of [...plan.libs, ...plan.services]) {
    for (const module of [...owner.inits, ...owner.modules]) {
      const text = renderModule(rng, module, owner);
      pythonLines += text.split('\n').length - 1;
      written.set(module.repoPath, text);
    }
  }
  for (const service of plan.services) {
    written.set(service.dockerfile, renderDockerfile(service));
    written.set(`services/${service.name}/requirements.txt`, renderRequirements(service));
  }
  const dirs = new Set([...written.keys()].map((file) => path.dirname(file)));
  for (const dir of dirs) mkdirSync(path.join(out, dir), { recursive: true });
  for (const [file, text] of written) writeFileSync(path.join(out, file), text);

  git(out, ['init', '-q', '-b', 'main']);
  git(out, ['add', '-A']);
  git(out, ['commit', '-q', '-m', 'Synthetic monorepo for the dockguard benchmark']);

  const manifest = {
    out,
    seed,
    pythonFiles: [...written.keys()].filter((f) => f.endsWith('.py')).length,
    pythonLines,
    services: plan.services.length,
    libs: plan.libs.length,
    planted: plan.planted,
    serviceSpecs: plan.services.map((s) => ({ name: s.name, dockerfile: s.dockerfile, launcher: s.launcher, copiedLibs: s.copiedLibs })),
  };
  writeFileSync(manifestPathFor(out), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
