import { MODULE_NOUNS, MODULE_ROLES, SUBPACKAGE_NAMES } from './names.mjs';

const camel = (snake) => snake.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** A module's public names: one class and two functions other modules import. */
function describeModule(name, pkg, repoDir, { isInit = false, isMain = false } = {}) {
  const dotted = isInit ? pkg : `${pkg}.${name}`;
  const file = isInit ? `${repoDir}/__init__.py` : `${repoDir}/${name}.py`;
  const noun = isInit || isMain ? pkg.split('.').at(-1) : name;
  return {
    name: isInit ? '__init__' : name,
    dotted,
    pkg,
    repoPath: file,
    isInit,
    isMain,
    noun,
    exports: { cls: camel(noun), fns: [`build_${noun}`, `summarize_${noun}`] },
    imports: [],
    lazy: [],
    typeChecking: [],
    thirdParty: [],
  };
}

function pickModuleName(rng, taken) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = `${rng.pick(MODULE_NOUNS)}_${rng.pick(MODULE_ROLES)}`;
    if (!taken.has(name)) return name;
  }
  let n = 2;
  while (taken.has(`module_${n}`)) n += 1;
  return `module_${n}`;
}

function pickSubpackageName(rng, taken) {
  const free = SUBPACKAGE_NAMES.filter((n) => !taken.has(n));
  if (free.length > 0) return rng.pick(free);
  let n = 2;
  while (taken.has(`part${n}`)) n += 1;
  return `part${n}`;
}

/**
 * Lays out one top-level package (a service's or a shared library's) using
 * exactly `budget` Python files: `__init__.py` files, an optional `main.py`,
 * and sub-packages nested up to three levels.
 */
export function planPackageTree(rng, { top, repoDir, budget, withMain }) {
  const modules = [];
  const inits = [];
  const root = { dotted: top, dir: repoDir, depth: 0, names: new Set() };
  const packages = [root];
  let left = budget;

  const addModule = (pkg) => {
    const name = pickModuleName(rng, pkg.names);
    pkg.names.add(name);
    modules.push(describeModule(name, pkg.dotted, pkg.dir));
    left -= 1;
  };

  inits.push(describeModule('__init__', top, repoDir, { isInit: true }));
  left -= 1;
  if (withMain && left > 0) {
    root.names.add('main');
    modules.push(describeModule('main', top, repoDir, { isMain: true }));
    left -= 1;
  }
  for (let i = Math.min(left, rng.int(1, 3)); i > 0; i -= 1) addModule(root);

  while (left > 0) {
    if (left === 1) {
      addModule(rng.pick(packages));
      break;
    }
    const nestable = packages.filter((p) => p.depth > 0 && p.depth < 3);
    const parent = nestable.length > 0 && rng.chance(0.35) ? rng.pick(nestable) : root;
    const name = pickSubpackageName(rng, parent.names);
    parent.names.add(name);
    const pkg = { dotted: `${parent.dotted}.${name}`, dir: `${parent.dir}/${name}`, depth: parent.depth + 1, names: new Set() };
    packages.push(pkg);
    inits.push(describeModule('__init__', pkg.dotted, pkg.dir, { isInit: true }));
    left -= 1;
    for (let i = Math.min(left, rng.int(5, 14)); i > 0; i -= 1) addModule(pkg);
  }
  return { modules, inits };
}
