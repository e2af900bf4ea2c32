/**
 * The two kinds of module that are not filler: a package's `__init__.py`
 * and a service's `main.py`, whose shape depends on how the container
 * starts it (gunicorn + Flask, uvicorn + FastAPI, or `python -m`).
 */

export function renderInit(rng, module, owner) {
  const isRoot = !module.dotted.includes('.');
  const lines = [`"""${isRoot ? `The ${module.dotted} package.` : `${module.dotted.split('.').at(-1)} sub-package of ${owner.name}.`}"""`, ''];
  if (isRoot) lines.push(`__version__ = "${rng.int(0, 4)}.${rng.int(0, 20)}.${rng.int(0, 9)}"`);
  const child = isRoot && owner.launcher ? undefined : owner.modules.find((m) => m.pkg === module.dotted && !m.isMain);
  if (child) {
    lines.push(`from .${child.name} import ${child.exports.cls}`, '', `__all__ = ["${child.exports.cls}"]`);
  }
  return `${lines.join('\n')}\n`;
}

const MAIN_PARTS = {
  gunicorn: (name) => ({
    imports: ['from flask import Flask, jsonify'],
    body: [
      'def create_app() -> Flask:',
      `    """Build the WSGI application gunicorn serves as \`\`${name}.main:app\`\`."""`,
      `    application = Flask("${name}")`,
      `    application.config["SERVICE_NAME"] = "${name}"`,
      '',
      '    @application.get("/healthz")',
      '    def healthz():',
      `        return jsonify(status="ok", service="${name}")`,
      '',
      '    return application',
      '',
      '',
      'app = create_app()',
      '',
    ],
    tail: [],
  }),
  uvicorn: (name) => ({
    imports: ['from fastapi import FastAPI'],
    body: [
      `app = FastAPI(title="${name}")`,
      '',
      '',
      '@app.get("/healthz")',
      'def healthz() -> dict[str, str]:',
      '    """Liveness probe for the orchestrator."""',
      `    return {"status": "ok", "service": "${name}"}`,
      '',
    ],
    tail: [],
  }),
  module: (name) => ({
    imports: [],
    body: [
      'def run_forever(poll_seconds: float = 2.0) -> None:',
      '    """Poll for work until the container is stopped."""',
      `    _LOGGER.info("${name} worker started")`,
      '    while True:',
      '        time.sleep(poll_seconds)',
      '',
    ],
    tail: ['', '', 'if __name__ == "__main__":', '    run_forever()'],
  }),
};

export function renderMainParts(service) {
  return MAIN_PARTS[service.launcher](service.name);
}
