/**
 * First-party import statements in the forms real code uses: `from m import
 * Name`, `from pkg import module`, `import a.b.c`, `import a.b.c as x` and
 * relative imports. Each returns the statement and expressions that reach
 * the target's class and function, so the module body can use them.
 */

function relativeSpec(importer, target) {
  const from = importer.isInit ? importer.dotted.split('.') : importer.pkg.split('.');
  const to = target.pkg.split('.');
  if (from[0] !== to[0]) return undefined;
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
  const dots = '.'.repeat(from.length - common + 1);
  return { dots, rest: to.slice(common).join('.') };
}

function bind(bound, name, fallback) {
  if (!bound.has(name)) {
    bound.add(name);
    return true;
  }
  return fallback === undefined ? false : bind(bound, fallback);
}

export function renderImport(rng, importer, target, bound) {
  const { cls, fns } = target.exports;
  const fn = rng.pick(fns);
  const alias = `_${target.dotted.replace(/\./g, '_')}`;
  const aliased = () => {
    bound.add(alias);
    return { line: `import ${target.dotted} as ${alias}`, refs: [`${alias}.${cls}`, `${alias}.${fn}`] };
  };
  const roll = rng.next();
  const relative = target.isInit ? undefined : relativeSpec(importer, target);

  if (relative && roll < 0.15) {
    if (rng.chance(0.5) && !bound.has(cls) && !bound.has(fn)) {
      bind(bound, cls);
      bind(bound, fn);
      const module = relative.rest ? `${relative.rest}.${target.name}` : target.name;
      return { line: `from ${relative.dots}${module} import ${cls}, ${fn}`, refs: [cls, fn] };
    }
    if (!bind(bound, target.name)) return aliased();
    return { line: `from ${relative.dots}${relative.rest} import ${target.name}`, refs: [`${target.name}.${cls}`, `${target.name}.${fn}`] };
  }
  if (roll < 0.55) {
    if (bound.has(cls) || bound.has(fn)) return aliased();
    bind(bound, cls);
    bind(bound, fn);
    return { line: `from ${target.dotted} import ${cls}, ${fn}`, refs: [cls, fn] };
  }
  if (roll < 0.75 && !target.isInit) {
    if (!bind(bound, target.name)) return aliased();
    return { line: `from ${target.pkg} import ${target.name}`, refs: [`${target.name}.${cls}`, `${target.name}.${fn}`] };
  }
  if (roll < 0.85) {
    bound.add(target.dotted.split('.')[0]);
    return { line: `import ${target.dotted}`, refs: [`${target.dotted}.${cls}`, `${target.dotted}.${fn}`] };
  }
  return aliased();
}

/** The statement inside a function body or a TYPE_CHECKING block, binding the class only. */
export function renderNameImport(target, bound) {
  const { cls } = target.exports;
  if (bound.has(cls)) {
    const base = `${cls}From${target.pkg.split('.').at(-1).replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    let alias = base;
    for (let n = 2; bound.has(alias); n += 1) alias = `${base}${n}`;
    bound.add(alias);
    return { line: `from ${target.dotted} import ${cls} as ${alias}`, name: alias };
  }
  bound.add(cls);
  return { line: `from ${target.dotted} import ${cls}`, name: cls };
}
