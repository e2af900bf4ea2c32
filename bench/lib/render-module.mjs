import { OPTIONAL_IMPORTS, STDLIB_IMPORTS, THIRD_PARTY } from './names.mjs';
import { renderClass, renderDataclass, renderEnum, renderHelper } from './render-blocks.mjs';
import { renderImport, renderNameImport } from './render-imports.mjs';
import { renderInit, renderMainParts } from './render-special.mjs';

const words = (snake) => snake.replace(/_/g, ' ');
// isort order: by module path, relative imports last.
const importKey = (line) => line.replace(/^(from|import) /, '').replace(/^\./, '~.');
const sortImports = (lines) => [...new Set(lines)].sort((a, b) => (importKey(a) < importKey(b) ? -1 : 1));

function renderHeader(rng, module, service) {
  const topic = words(module.noun);
  const summary = module.isMain
    ? `Entry point of the ${service.name} service.`
    : `${topic[0].toUpperCase()}${topic.slice(1)} logic for \`\`${module.pkg}\`\`.`;
  const detail = rng.pick([
    'Keeps I/O at the edges so the functions here stay easy to test.',
    'Imported by the HTTP layer and by the background workers.',
    'See the package README for how the pieces fit together.',
    'Changes here need a matching migration when stored shapes change.',
  ]);
  return ['"""' + summary, '', detail, '"""', '', 'from __future__ import annotations', ''];
}

function renderStdlib(rng) {
  const extra = rng.sample(STDLIB_IMPORTS.filter((s) => s !== 'import json' && s !== 'import time'), rng.int(1, 5));
  const plain = ['import json', 'import logging', 'import time', ...extra.filter((s) => s.startsWith('import '))].sort();
  const froms = [
    'from dataclasses import dataclass, field',
    'from enum import Enum',
    'from typing import TYPE_CHECKING, Any',
    ...extra.filter((s) => s.startsWith('from ')),
  ].sort();
  return [...plain, ...froms];
}

/** Renders one ordinary (or `main`) module of `target` lines, give or take a block. */
export function renderModule(rng, module, service) {
  if (module.isInit) return renderInit(rng, module, service);
  const bound = new Set([module.exports.cls, ...module.exports.fns]);
  const ctx = { rng, noun: module.noun, pkg: module.pkg, used: new Set(bound) };
  const lines = renderHeader(rng, module, service);
  lines.push(...renderStdlib(rng), '');

  const main = module.isMain ? renderMainParts(service) : undefined;
  const thirdParty = [...(main?.imports ?? []), ...module.thirdParty.map((imp) => rng.pick(THIRD_PARTY[imp].statements)).filter(Boolean)];
  if (thirdParty.length > 0) lines.push(...sortImports(thirdParty), '');

  const refs = [];
  const firstParty = module.imports.map((target) => {
    const rendered = renderImport(rng, module, target, bound);
    refs.push(...rendered.refs);
    return rendered.line;
  });
  if (firstParty.length > 0) lines.push(...sortImports(firstParty), '');

  if (rng.chance(0.2)) {
    const optional = rng.pick(OPTIONAL_IMPORTS);
    lines.push('try:', `    ${optional.statement}`, 'except ImportError:  # optional accelerator, not in requirements', `    ${optional.fallback}`, '');
  }
  const typeNames = [];
  if (module.typeChecking.length > 0) {
    lines.push('if TYPE_CHECKING:');
    for (const target of module.typeChecking) {
      const rendered = renderNameImport(target, bound);
      lines.push(`    ${rendered.line}`);
      typeNames.push(rendered.name);
    }
    lines.push('');
  }
  lines.push('_LOGGER = logging.getLogger(__name__)', `DEFAULT_BATCH_SIZE = ${rng.int(2, 40) * 25}`, '', '');

  if (main) lines.push(...main.body, '');
  lines.push(...renderClass(ctx, module.exports.cls), '');
  const [build, summarize] = module.exports.fns;
  lines.push(
    `def ${build}(config: dict[str, Any] | None = None) -> ${module.exports.cls}:`,
    '    """Factory used by the service wiring; explicit config wins over defaults."""',
    '    merged: dict[str, Any] = {"max_bytes": 65536, "batch_size": DEFAULT_BATCH_SIZE}',
    '    merged.update(config or {})',
    `    return ${module.exports.cls}(merged)`,
    '', '',
    `def ${summarize}(records: list[dict[str, Any]]) -> dict[str, Any]:`,
    '    """Short summary for logs and the admin page."""',
    '    kinds = sorted({str(record.get("kind", "unknown")) for record in records})',
    '    return {"count": len(records), "kinds": kinds}',
    '', '',
  );
  if (refs.length > 0) {
    lines.push('def _collaborators() -> dict[str, Any]:', '    """What this module calls into, resolved once so start-up fails early."""', '    return {');
    for (const [i, ref] of refs.entries()) lines.push(`        "${i}": ${ref},`);
    lines.push('    }', '', '');
  }
  for (const [i, typeName] of typeNames.entries()) {
    lines.push(
      `def _describe_${i}(value: ${typeName}) -> str:`,
      '    """Readable label for log lines; the type is only needed by the checker."""',
      '    return f"{type(value).__name__}@{id(value):x}"',
      '', '',
    );
  }
  for (const [i, target] of module.lazy.entries()) {
    const rendered = renderNameImport(target, new Set(bound));
    lines.push(
      `def _load_${target.noun}_${i}() -> Any:`,
      '    """Imported on first use: avoids an import cycle and keeps start-up fast."""',
      `    ${rendered.line}`,
      '',
      `    return ${rendered.name}`,
      '', '',
    );
  }

  const target = rng.int(150, 400);
  const fillers = [renderHelper, renderHelper, renderHelper, renderDataclass, renderEnum];
  for (let attempt = 0; lines.length < target && attempt < 200; attempt += 1) {
    const block = rng.pick(fillers)(ctx);
    if (block.length > 0) lines.push(...block, '');
  }
  while (lines.at(-1) === '') lines.pop();
  if (main) lines.push(...main.tail);
  return `${lines.join('\n')}\n`;
}
