import { describe, expect, it } from 'vitest';
import { decodeParsedModule, encodeParsedModule } from '../../src/cache/parsed-module-codec.js';
import { extractImports } from '../../src/python/extract-imports.js';

const SOURCE = `import importlib
from . import local  # dockguard: ignore[missing-copy] -- vendored at build time
try:
    import orjson as json
except ImportError:
    import json
try:
    from .metrics import push
except Exception:
    push = None

HANDLERS = {"csv": "exports.csv_writer"}


def load(kind):
    return importlib.import_module(HANDLERS[kind]).run(frame.to_dataframe(), "postgresql://db")


def broken(:
    pass
`;

describe('parsed-module codec', () => {
  it('gives back exactly what extraction produced', () => {
    const parsed = extractImports(SOURCE);
    expect(parsed.imports.some((ref) => ref.guarded)).toBe(true);
    expect(parsed.imports.some((ref) => ref.ignoredRules)).toBe(true);
    expect(parsed.imports.some((ref) => ref.fallbackFor)).toBe(true);
    expect(parsed.imports.some((ref) => ref.guardKind === 'broad')).toBe(true);
    expect(parsed.dynamicCandidates).not.toEqual([]);
    expect(parsed.computedImports).not.toEqual([]);
    expect(parsed.syntaxErrors).not.toEqual([]);
    expect(decodeParsedModule(JSON.parse(JSON.stringify(encodeParsedModule(parsed))))).toEqual(parsed);
  });

  it('keeps the sys.path changes a module makes, evaluable or not', () => {
    const parsed = extractImports('import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\nsys.path.append(os.environ["X"])\n');
    expect(parsed.pathChanges).toHaveLength(2);
    expect(decodeParsedModule(JSON.parse(JSON.stringify(encodeParsedModule(parsed))))).toEqual(parsed);
    const encoded = encodeParsedModule(parsed);
    expect(decodeParsedModule([...encoded.slice(0, 5), [[{ line: 2, op: 'insert', expr: ['up', ['file']] }], []]])).toBeUndefined();
  });

  it('turns anything of another shape into a cache miss', () => {
    const encoded = encodeParsedModule(extractImports(SOURCE));
    expect(decodeParsedModule(extractImports(SOURCE))).toBeUndefined();
    expect(decodeParsedModule(encoded.slice(0, 4))).toBeUndefined();
    expect(decodeParsedModule([[['json', 0, [], '3', 0, 0, 0]], [], [], [], []])).toBeUndefined();
    // The shape of an older version, without guard kinds and fallbacks: parsed again rather than read wrong.
    expect(decodeParsedModule([[['json', 0, [], 3, 0]], [], [], [], []])).toBeUndefined();
    expect(decodeParsedModule(null)).toBeUndefined();
  });
});
