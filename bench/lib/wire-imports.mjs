/**
 * Chooses which first-party modules each module imports. Top-level imports
 * only point forward in `modules` (so the graph has no cycles, like real
 * code that imports cleanly) and every module is imported by an earlier one
 * (so everything is reachable from the first module, a service's `main`).
 * Lazy imports inside functions may point backward, as they do in practice
 * to break import cycles.
 */
export function wireImports(rng, modules, external, { externalShare }) {
  const count = modules.length;
  const targets = modules.map(() => new Set());

  for (let k = 1; k < count; k += 1) {
    const window = [];
    for (let j = Math.max(0, k - 6); j < k; j += 1) if (targets[j].size < 6) window.push(j);
    targets[window.length > 0 ? rng.pick(window) : k - 1].add(modules[k]);
  }

  for (let k = 0; k < count; k += 1) {
    const wanted = rng.int(3, 8);
    for (let attempt = 0; attempt < 30 && targets[k].size < wanted; attempt += 1) {
      const hasForward = k + 1 < count;
      if (external.length > 0 && (!hasForward || rng.chance(externalShare))) {
        targets[k].add(rng.pick(external));
      } else if (hasForward) {
        targets[k].add(modules[rng.int(k + 1, count - 1)]);
      } else {
        break;
      }
    }
    modules[k].imports = [...targets[k]];
  }

  for (let k = 2; k < count; k += 1) {
    const module = modules[k];
    if (rng.chance(0.3)) {
      const backward = modules[rng.int(1, k - 1)];
      if (!targets[k].has(backward)) module.lazy.push(backward);
    }
    if (external.length > 0 && rng.chance(0.15)) {
      const target = rng.pick(external);
      if (!targets[k].has(target) && !module.lazy.includes(target)) module.lazy.push(target);
    }
    // Type-only imports stay inside the package: no service or library needs a COPY for them.
    if (rng.chance(0.25)) {
      const target = modules[rng.int(1, count - 1)];
      if (target !== module && !targets[k].has(target) && !module.lazy.includes(target)) module.typeChecking.push(target);
    }
  }
}
