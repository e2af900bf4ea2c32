import { LIB_NAMES, LIB_THIRD_PARTY, SERVICE_NAMES, THIRD_PARTY } from './names.mjs';
import { planPackageTree } from './plan-packages.mjs';
import { createRandom } from './random.mjs';
import { wireImports } from './wire-imports.mjs';

const LAUNCHERS = ['gunicorn', 'uvicorn', 'module'];
const FRAMEWORK_IMPORTS = { gunicorn: ['flask'], uvicorn: ['fastapi', 'pydantic'], module: ['pydantic'] };
const FRAMEWORK_PACKAGES = { gunicorn: ['flask', 'gunicorn'], uvicorn: ['fastapi', 'uvicorn', 'pydantic'], module: ['pydantic'] };

/** Splits `total` into `parts` shares of roughly equal size, each at least `minimum`. */
function splitBudget(rng, total, parts, minimum) {
  const weights = Array.from({ length: parts }, () => 0.7 + rng.next() * 0.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.max(minimum, Math.floor((total * w) / sum)));
  let excess = shares.reduce((a, b) => a + b, 0) - total;
  for (let i = 0; excess !== 0; i = (i + 1) % parts) {
    if (excess > 0 && shares[i] > minimum) { shares[i] -= 1; excess -= 1; }
    if (excess < 0) { shares[i] += 1; excess += 1; }
  }
  return shares;
}

function closeOverDeps(libsByName, direct) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of libsByName.get(name).deps) visit(dep);
  };
  direct.forEach(visit);
  return LIB_NAMES.filter((name) => seen.has(name));
}

function nameService(index) {
  const base = SERVICE_NAMES[index % SERVICE_NAMES.length];
  return index < SERVICE_NAMES.length ? base : `${base}_${Math.floor(index / SERVICE_NAMES.length) + 1}`;
}

/**
 * Decides everything about the synthetic monorepo before any text is
 * written: libraries and their dependencies, services, every module and its
 * imports, and the planted bugs (a library a service imports but whose COPY
 * its Dockerfile lacks).
 */
export function planMonorepo({ files, services: serviceCount, seed, plant = true }) {
  const rng = createRandom(seed);
  const libCount = Math.min(LIB_NAMES.length, Math.max(2, Math.round(serviceCount * 0.4)));
  if (files < serviceCount * 4 + libCount * 3) {
    throw new Error(`--files ${files} is too small for ${serviceCount} services (need ${serviceCount * 4 + libCount * 3})`);
  }
  const libFiles = Math.round(files * 0.35);
  const libBudgets = splitBudget(rng, libFiles, libCount, 3);
  const serviceBudgets = splitBudget(rng, files - libFiles, serviceCount, 4);

  const libs = LIB_NAMES.slice(0, libCount).map((name, i) => {
    const deps = rng.sample(LIB_NAMES.slice(0, i), rng.int(0, Math.min(3, i)));
    const tree = planPackageTree(rng, { top: name, repoDir: `libs/${name}`, budget: libBudgets[i], withMain: false });
    return { name, deps, thirdParty: LIB_THIRD_PARTY[name], ...tree };
  });
  const libsByName = new Map(libs.map((lib) => [lib.name, lib]));
  for (const lib of libs) {
    const external = lib.deps.flatMap((dep) => libsByName.get(dep).modules);
    wireImports(rng, lib.modules, external, { externalShare: 0.3 });
    for (const module of lib.modules) {
      module.thirdParty = rng.sample(lib.thirdParty, rng.int(0, 2));
    }
  }

  // "A handful" of broken services: about one in eight, spread over the list.
  const plantCount = plant ? Math.max(1, Math.round(serviceCount / 8)) : 0;
  const plantEvery = Math.max(1, Math.floor(serviceCount / plantCount));
  const planted = [];
  const serviceList = serviceBudgets.map((budget, i) => {
    const name = nameService(i);
    const launcher = LAUNCHERS[i % LAUNCHERS.length];
    const available = libs.map((lib) => lib.name);
    const direct = [...new Set([...available.slice(0, 2), ...rng.sample(available, rng.int(1, 4))])];
    const closure = closeOverDeps(libsByName, direct);
    const tree = planPackageTree(rng, { top: name, repoDir: `services/${name}/${name}`, budget, withMain: true });
    const external = direct.flatMap((lib) => libsByName.get(lib).modules);
    wireImports(rng, tree.modules, external, { externalShare: 0.35 });

    const importable = [...FRAMEWORK_IMPORTS[launcher], ...direct.flatMap((lib) => LIB_THIRD_PARTY[lib])];
    for (const module of tree.modules) module.thirdParty = rng.sample([...new Set(importable)], rng.int(0, 3));

    const thirdParty = new Set([...FRAMEWORK_PACKAGES[launcher], ...closure.flatMap((lib) => LIB_THIRD_PARTY[lib])]);
    const requirements = [...thirdParty].map((imp) => THIRD_PARTY[imp].requirement).sort((a, b) => a.localeCompare(b, 'en'));

    const service = {
      name, launcher, direct, closure, requirements, ...tree,
      dockerfile: `services/${name}/Dockerfile`,
      multiStage: i % 4 === 3,
      copiedLibs: closure,
    };
    if (plant && i % plantEvery === plantEvery - 1 && planted.length < plantCount) {
      const lib = direct[direct.length - 1];
      const main = tree.modules[0];
      const target = libsByName.get(lib).modules[0];
      if (!main.imports.includes(target)) main.imports.push(target);
      service.copiedLibs = closure.filter((name) => name !== lib);
      planted.push({ service: name, dockerfile: service.dockerfile, missingLib: lib, importedBy: main.repoPath, module: target.dotted });
    }
    return service;
  });
  return { seed, files, libs, services: serviceList, planted };
}
