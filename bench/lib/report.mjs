/** Text rendering of a benchmark run, and a cross-check of dockguard's findings against the planted bugs. */

const TARGET_RATIO = 0.7;
const TARGET_RSS_MIB = 300;

/**
 * Which services dockguard blocks (error findings), from its JSON output,
 * next to the planted ones; warnings (guarded imports of packages not
 * installed) are counted apart, since they block nothing. The JSON shape is
 * owned by the CLI, so this only looks for objects carrying a `service`.
 */
export function summarizeFindings(stdout, planted) {
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { parsed: false, expectedServices: planted.map((p) => p.dockerfile) };
  }
  const findings = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if (typeof value.service === 'string' && typeof value.code === 'string') findings.push(value);
      else Object.values(value).forEach(walk);
    }
  };
  walk(parsed);
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    parsed: true,
    findings: findings.length,
    errors: errors.length,
    flaggedServices: [...new Set(errors.map((f) => f.service))].sort(),
    expectedServices: planted.map((p) => p.dockerfile).sort(),
  };
}

const fixed = (n, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));

export function formatTable(summary) {
  const header = ['command', 'wall median ms', 'wall p95 ms', 'cpu median ms', 'files/s', 'peak RSS MiB'];
  const body = summary.rows.map((r) => [
    r.name, fixed(r.wallMedianMs), fixed(r.wallP95Ms), fixed(r.cpuMedianMs), fixed(r.filesPerSecond), fixed(r.peakRssMiB, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `repo: ${summary.repo} (${summary.pythonFiles} Python files, ${summary.pythonLines} lines), ${summary.runs} runs each`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
  ];
  const dockguard = summary.rows.find((r) => r.name === 'dockguard check');
  if (dockguard) {
    const ratioOk = summary.ratioToPython <= TARGET_RATIO;
    const rssOk = dockguard.peakRssMiB < TARGET_RSS_MIB;
    out.push(
      `dockguard / python wall time: ${summary.ratioToPython.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratioOk ? 'ok' : 'MISSED'}`,
      `dockguard peak RSS: ${dockguard.peakRssMiB.toFixed(1)} MiB (target < ${TARGET_RSS_MIB}) ${rssOk ? 'ok' : 'MISSED'}`,
    );
    const f = summary.findings;
    if (!f.parsed) out.push('dockguard output was not JSON; findings not cross-checked');
    else {
      const same = f.flaggedServices.join() === f.expectedServices.join();
      out.push(
        `errors: ${f.errors} (of ${f.findings} findings) in ${f.flaggedServices.join(', ') || 'no service'}`,
        `planted:  ${f.expectedServices.join(', ') || 'none'} (${same ? 'the same services' : 'NOT the same services'})`,
      );
    }
  } else {
    out.push('dockguard row skipped (dist/bundle/cli.js missing)');
  }
  return `${out.join('\n')}\n`;
}
