/**
 * Non-Python files: one Dockerfile and requirements.txt per service, the
 * root docker-compose.yml that gives every build context (the repository
 * root), and the usual root files of a monorepo.
 */

const LAUNCH = {
  gunicorn: (name) => `CMD ["gunicorn", "--bind", ":8080", "--workers", "2", "${name}.main:app"]`,
  uvicorn: (name) => `CMD ["uvicorn", "${name}.main:app", "--host", "0.0.0.0", "--port", "8080"]`,
  module: (name) => `CMD ["python", "-m", "${name}.main"]`,
};

export function renderDockerfile(service) {
  const { name } = service;
  const lines = ['# syntax=docker/dockerfile:1', `# Built from the repository root: docker compose build ${name}`];
  if (service.multiStage) {
    lines.push(
      'FROM python:3.11-slim AS builder',
      'WORKDIR /build',
      `COPY services/${name}/requirements.txt .`,
      'RUN pip install --no-cache-dir --prefix=/install -r requirements.txt',
      '',
      'FROM python:3.11-slim',
      '',
      'ENV PYTHONDONTWRITEBYTECODE=1 \\',
      '    PYTHONUNBUFFERED=1',
      '',
      'WORKDIR /app',
      'COPY --from=builder /install /usr/local',
    );
  } else {
    lines.push(
      'FROM python:3.11-slim',
      '',
      'ENV PYTHONDONTWRITEBYTECODE=1 \\',
      '    PYTHONUNBUFFERED=1',
      '',
      'WORKDIR /app',
      '',
      `COPY services/${name}/requirements.txt ./requirements.txt`,
      'RUN pip install --no-cache-dir -r requirements.txt',
    );
  }
  lines.push('');
  for (const lib of service.copiedLibs) lines.push(`COPY libs/${lib}/ ./${lib}/`);
  lines.push(`COPY services/${name}/${name}/ ./${name}/`, '');
  if (service.launcher === 'module') {
    lines.push('RUN useradd --create-home --uid 10001 worker', 'USER worker', '');
  } else {
    lines.push('EXPOSE 8080', '');
  }
  lines.push(LAUNCH[service.launcher](name));
  return `${lines.join('\n')}\n`;
}

export function renderRequirements(service) {
  return `# Pinned by pip-compile; regenerate with \`make lock SERVICE=${service.name}\`.\n${service.requirements.join('\n')}\n`;
}

export function renderCompose(services) {
  const lines = ['# Every image is built from the repository root so it can copy libs/.', 'services:'];
  for (const service of services) {
    lines.push(
      `  ${service.name.replace(/_/g, '-')}:`,
      '    build:',
      '      context: .',
      `      dockerfile: ${service.dockerfile}`,
    );
    if (service.launcher !== 'module') lines.push('    ports:', '      - "8080"');
    lines.push('    environment:', '      APP_ENV: development', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderRootFiles(plan) {
  return {
    'README.md': `# acme platform\n\n${plan.services.length} services under \`services/\`, shared libraries under \`libs/\`.\nImages are built from the repository root (see \`docker-compose.yml\`).\n`,
    '.gitignore': '__pycache__/\n*.pyc\n.venv/\n.pytest_cache/\n.mypy_cache/\n',
    '.dockerignore': '.git\n**/__pycache__\n**/*.pyc\n**/.venv\n**/tests\ndocs/\n',
    'pyproject.toml': '[tool.ruff]\nline-length = 110\ntarget-version = "py311"\n\n[tool.ruff.lint]\nselect = ["E", "F", "I", "B"]\n\n[tool.pytest.ini_options]\naddopts = "-q"\n',
  };
}
