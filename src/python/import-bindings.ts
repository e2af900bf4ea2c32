const NAME = String.raw`[\p{ID_Start}_][\p{ID_Continue}]*`;
const AS = new RegExp(`^(${NAME}(?:\\s*\\.\\s*${NAME})*)(?:\\s+as\\s+(${NAME}))?$`, 'u');

/**
 * The names an import statement binds, each with what it stands for:
 * `import pandas as pd` → pd = pandas, `import os.path` → os = os,
 * `from fastapi import File as F` → F = fastapi.File, `from .models import
 * File` → File = .models.File. Read from the statement's text, comments and
 * line continuations already harmless to the pattern.
 */
export function readImportBindings(statement: string): Array<[local: string, qualified: string]> {
  const text = statement.replace(/#[^\n]*/g, '').replace(/\\\n/g, ' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const from = /^from\s+([.\w\s]*?)\s*import\s+(.+)$/u.exec(text);
  const bindings: Array<[string, string]> = [];
  if (from) {
    const base = from[1]!.replace(/\s+/g, '');
    for (const part of from[2]!.split(',')) {
      const match = AS.exec(part.trim());
      if (!match || match[1] === '*' || match[1]!.includes('.')) continue;
      bindings.push([match[2] ?? match[1]!, base.endsWith('.') ? `${base}${match[1]}` : `${base}.${match[1]}`]);
    }
    return bindings;
  }
  const plain = /^import\s+(.+)$/u.exec(text);
  for (const part of plain ? plain[1]!.split(',') : []) {
    const match = AS.exec(part.trim());
    if (!match) continue;
    const module = match[1]!.replace(/\s+/g, '');
    bindings.push(match[2] ? [match[2], module] : [module.split('.')[0]!, module.split('.')[0]!]);
  }
  return bindings;
}
