/**
 * Filler Python that reads like ordinary service code: enums, dataclasses,
 * classes with methods and helper functions. Each block returns its lines;
 * names come from `ctx` so that every module looks a little different.
 * Blocks only use names every module imports (logging, json, time, typing,
 * dataclasses, enum), so each generated file is valid on its own.
 */

const camel = (snake) => snake.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const words = (snake) => snake.replace(/_/g, ' ');

function claim(ctx, candidates) {
  const free = candidates.filter((name) => !ctx.used.has(name));
  if (free.length === 0) return undefined;
  const name = ctx.rng.pick(free);
  ctx.used.add(name);
  return name;
}

export function renderEnum(ctx) {
  const name = claim(ctx, ['Status', 'Kind', 'Priority', 'Stage', 'Outcome'].map((s) => camel(ctx.noun) + s));
  if (!name) return [];
  const members = ctx.rng.sample(['pending', 'active', 'paused', 'failed', 'archived', 'draft', 'queued', 'done'], ctx.rng.int(3, 6));
  return [
    `class ${name}(str, Enum):`,
    `    """Values a ${words(ctx.noun)} goes through; stored as strings in the database."""`,
    '',
    ...members.map((m) => `    ${m.toUpperCase()} = "${m}"`),
    '',
    '    @classmethod',
    `    def parse(cls, raw: str) -> "${name}":`,
    '        """Accept any casing and surrounding whitespace from clients."""',
    '        return cls(raw.strip().lower())',
    '',
  ];
}

export function renderDataclass(ctx) {
  const name = claim(ctx, ['Record', 'Snapshot', 'Request', 'Result', 'Summary', 'Options'].map((s) => camel(ctx.noun) + s));
  if (!name) return [];
  const fields = ctx.rng.sample(
    [['identifier', 'str', null], ['tenant_id', 'str', '"default"'], ['amount', 'float', '0.0'], ['attempts', 'int', '0'],
      ['created_at', 'float', 'field(default_factory=time.time)'], ['tags', 'list[str]', 'field(default_factory=list)'],
      ['metadata', 'dict[str, Any]', 'field(default_factory=dict)'], ['enabled', 'bool', 'True']],
    ctx.rng.int(3, 6),
  ).sort((a, b) => (a[2] === null ? 0 : 1) - (b[2] === null ? 0 : 1));
  return [
    '@dataclass',
    `class ${name}:`,
    `    """One ${words(ctx.noun)} as passed between layers; plain data, no I/O."""`,
    '',
    ...fields.map(([f, t, d]) => (d === null ? `    ${f}: ${t}` : `    ${f}: ${t} = ${d}`)),
    '',
    '    def to_dict(self) -> dict[str, Any]:',
    '        """Serialise for JSON responses and queue messages."""',
    '        return {',
    ...fields.map(([f]) => `            "${f}": self.${f},`),
    '        }',
    '',
    '    @classmethod',
    `    def from_dict(cls, data: dict[str, Any]) -> "${name}":`,
    '        """Inverse of :meth:`to_dict`; unknown keys are ignored."""',
    '        known = {key: value for key, value in data.items() if key in cls.__dataclass_fields__}',
    '        return cls(**known)',
    '',
  ];
}

const METHODS = [
  (n, v) => [
    `    def get_${n}(self, key: str) -> dict[str, Any]:`,
    `        """Return the cached ${words(n)} for \`\`key\`\`, loading it on first use."""`,
    '        self._calls += 1',
    '        cached = self._cache.get(key)',
    '        if cached is not None:',
    '            return cached',
    `        loaded = {"key": key, "source": "${v}", "loaded_at": time.time()}`,
    '        self._cache[key] = loaded',
    '        return loaded',
  ],
  (n) => [
    `    def process_batch(self, items: list[dict[str, Any]]) -> tuple[int, list[str]]:`,
    `        """Handle each ${words(n)} in \`\`items\`\`; a bad item is logged, not fatal."""`,
    '        done = 0',
    '        errors: list[str] = []',
    '        for index, item in enumerate(items):',
    '            try:',
    '                self._validate(item)',
    '            except ValueError as error:',
    '                errors.append(f"item {index}: {error}")',
    '                continue',
    '            done += 1',
    '        if errors:',
    '            _LOGGER.warning("%d of %d items rejected", len(errors), len(items))',
    '        return done, errors',
  ],
  () => [
    '    def stats(self) -> dict[str, int]:',
    '        """Counters exported to the metrics endpoint."""',
    '        return {"calls": self._calls, "cached": len(self._cache)}',
  ],
  (n) => [
    `    def select(self, records: list[dict[str, Any]], limit: int = 50) -> list[dict[str, Any]]:`,
    `        """The newest ${words(n)} records first, at most \`\`limit\`\` of them."""`,
    '        visible = [record for record in records if not record.get("deleted")]',
    '        visible.sort(key=lambda record: record.get("updated_at", 0), reverse=True)',
    '        return visible[:limit]',
  ],
  (n, v) => [
    '    def _validate(self, item: dict[str, Any]) -> None:',
    `        """Reject a ${words(n)} that downstream ${v} code cannot handle."""`,
    '        missing = [key for key in self.required_keys if key not in item]',
    '        if missing:',
    '            raise ValueError(f"missing keys: {\', \'.join(missing)}")',
    '        if len(json.dumps(item, default=str)) > self._config.get("max_bytes", 65536):',
    '            raise ValueError("payload too large")',
  ],
  () => [
    '    def reset(self) -> None:',
    '        """Forget cached state; used by tests and after a config reload."""',
    '        self._cache.clear()',
    '        self._calls = 0',
  ],
];

/** The module's main class; `process_batch` relies on `_validate`, so both always appear. */
export function renderClass(ctx, name) {
  const verb = ctx.rng.pick(['billing', 'reporting', 'sync', 'export', 'audit']);
  const extra = ctx.rng.sample([0, 3, 5], ctx.rng.int(1, 3));
  const chosen = [...new Set([1, 4, ...extra])].sort();
  const lines = [
    `class ${name}:`,
    `    """Coordinates ${words(ctx.noun)} operations for \`\`${ctx.pkg}\`\`.`,
    '',
    '    One instance per process is enough; it keeps a small in-memory cache.',
    '    """',
    '',
    `    required_keys: tuple[str, ...] = ("id", "${ctx.noun}")`,
    '',
    '    def __init__(self, config: dict[str, Any] | None = None) -> None:',
    '        self._config = dict(config or {})',
    '        self._cache: dict[str, Any] = {}',
    '        self._calls = 0',
  ];
  for (const index of chosen) lines.push('', ...METHODS[index](ctx.noun, verb));
  lines.push('');
  return lines;
}

const HELPERS = [
  (name, n) => [
    `def ${name}(payload: dict[str, Any] | None) -> dict[str, Any]:`,
    `    """Drop empty values and normalise keys of an incoming ${words(n)}."""`,
    '    if not payload:',
    '        return {}',
    '    cleaned: dict[str, Any] = {}',
    '    for key, value in payload.items():',
    '        if value in (None, "", [], {}):',
    '            continue',
    '        cleaned[key.strip().lower().replace("-", "_")] = value',
    '    return cleaned',
  ],
  (name, n) => [
    `def ${name}(items: list[Any], size: int = 100) -> list[list[Any]]:`,
    `    """Split ${words(n)} items into batches the API accepts."""`,
    '    if size <= 0:',
    '        raise ValueError("size must be positive")',
    '    return [items[start : start + size] for start in range(0, len(items), size)]',
  ],
  (name, n) => [
    `def ${name}(rows: list[dict[str, Any]], field_name: str = "amount") -> dict[str, float]:`,
    `    """Sum \`\`field_name\`\` per tenant over ${words(n)} rows."""`,
    '    totals: dict[str, float] = {}',
    '    for row in rows:',
    '        tenant = str(row.get("tenant_id", "default"))',
    '        totals[tenant] = totals.get(tenant, 0.0) + float(row.get(field_name, 0) or 0)',
    '    return dict(sorted(totals.items()))',
  ],
  (name, n) => [
    `def ${name}(attempts: int = 3, delay: float = 0.2) -> float:`,
    `    """Back-off delay before retrying a ${words(n)} call, capped at five seconds."""`,
    '    wait = delay',
    '    for _ in range(max(0, attempts - 1)):',
    '        wait = min(wait * 2, 5.0)',
    '    return wait',
  ],
  (name, n) => [
    `def ${name}(raw: str) -> tuple[str, str]:`,
    `    """Split a \`\`tenant:${n}\`\` key; keys without a tenant belong to \`\`default\`\`."""`,
    '    tenant, _, rest = raw.partition(":")',
    '    if not rest:',
    '        return "default", tenant',
    '    return tenant, rest',
  ],
  (name, n) => [
    `def ${name}(document: dict[str, Any]) -> str:`,
    `    """Stable fingerprint of a ${words(n)} used to skip duplicate writes."""`,
    '    encoded = json.dumps(document, sort_keys=True, default=str)',
    '    return f"{len(encoded):08x}-{abs(hash(encoded)) % 10**12:012d}"',
  ],
];

export function renderHelper(ctx) {
  const prefixes = ['_normalise', '_chunk', '_total', '_backoff', '_split', '_fingerprint'];
  const index = ctx.rng.int(0, HELPERS.length - 1);
  const suffix = ctx.rng.pick(['', '_v2', '_rows', '_items', '_legacy', '_for_export']);
  const name = claim(ctx, [`${prefixes[index]}_${ctx.noun}${suffix}`]);
  if (!name) return [];
  return [...HELPERS[index](name, ctx.noun), ''];
}
