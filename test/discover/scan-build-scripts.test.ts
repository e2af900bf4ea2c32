import { describe, expect, it } from 'vitest';
import { readComposeFile } from '../../src/discover/read-compose-file.js';
import { scanTextScript } from '../../src/discover/scan-text-script.js';
import { scanYamlScript } from '../../src/discover/scan-yaml-script.js';
import { classifyBuildFile } from '../../src/discover/classify-build-file.js';
import { readBakeFile } from '../../src/discover/read-bake-file.js';
import { scanBuildFiles } from '../../src/discover/scan-build-files.js';
import { asRepoPath, type RepoSnapshot } from '../../src/types.js';
import { memorySnapshot } from './helpers/memory-snapshot.js';

const tree = memorySnapshot({
  'services/api/Dockerfile': 'FROM python:3.12\n',
  'services/api/app/main.py': '',
  'deploy/worker.Dockerfile': 'FROM python:3.12\n',
  'ops/build/build.sh': '',
});

function scan(file: string, text: string, snapshot: RepoSnapshot = tree) {
  const path = asRepoPath(file);
  const kind = classifyBuildFile(path);
  if (!kind) throw new Error(`not a build file: ${file}`);
  if (kind.kind === 'compose') return readComposeFile(text, path, snapshot);
  if (kind.kind === 'yaml') return scanYamlScript(text, path, kind.bases[0]!, snapshot);
  if (kind.kind === 'bake') return readBakeFile(text, path, kind.here, snapshot);
  return scanTextScript(text, kind.kind, { file: path, here: kind.here, bases: kind.bases }, snapshot);
}

describe('shell scripts', () => {
  it('tries the repository root, then the script folder and its ancestors', () => {
    const { invocations } = scan('ops/build/build.sh', 'cd "$(dirname "$0")/../.."\ndocker build -f ../../deploy/worker.Dockerfile ../..\n');
    expect(invocations).toMatchObject([{ dockerfile: 'deploy/worker.Dockerfile', context: '', origin: 'ops/build/build.sh:2' }]);
  });
  it('follows simple assignments and $(dirname "$0")', () => {
    const text = 'HERE=$(cd "$(dirname "$0")" && pwd)\nDF=deploy/worker.Dockerfile\ndocker build -f "$DF" \\\n  --target dev \\\n  "$HERE/../.."\n';
    expect(scan('ops/build/build.sh', text).invocations).toMatchObject([
      { dockerfile: 'deploy/worker.Dockerfile', context: '', target: 'dev', origin: 'ops/build/build.sh:3' },
    ]);
  });
  it('trusts a ROOT-like variable only when the Dockerfile then exists, and drops unknown paths', () => {
    const text = 'docker build -f "$REPO_ROOT/deploy/worker.Dockerfile" "$REPO_ROOT"\ndocker build -f "$REPO_ROOT/gone.Dockerfile" "$REPO_ROOT"\ndocker build -f "$SVC/Dockerfile" "$SVC"\n';
    expect(scan('ops/build/build.sh', text)).toMatchObject({ invocations: [{ dockerfile: 'deploy/worker.Dockerfile', context: '' }], problems: [] });
  });
  it('reports a missing Dockerfile and a missing context, and ignores gcloud run without a Dockerfile', () => {
    const text = 'docker build -f deploy/gone.Dockerfile .\ndocker build -f deploy/worker.Dockerfile nowhere\ngcloud run deploy web --source services/web\n';
    expect(scan('ops/build/build.sh', text).problems).toEqual([
      expect.objectContaining({ rule: 'dockerfile-not-found', line: 1, message: 'deploy/gone.Dockerfile is built here but does not exist in the repository' }),
      expect.objectContaining({ rule: 'context-not-found', line: 2 }),
    ]);
  });
  it('marks gcloud uploads', () => {
    expect(scan('ops/build/build.sh', 'gcloud builds submit services/api --tag gcr.io/p/api\ngcloud run deploy api --source=services/api\n').invocations).toMatchObject([
      { dockerfile: 'services/api/Dockerfile', context: 'services/api', gcloudUpload: true },
      { dockerfile: 'services/api/Dockerfile', context: 'services/api', gcloudUpload: true, origin: 'ops/build/build.sh:2' },
    ]);
  });
});

describe('Makefiles and Justfiles', () => {
  it('runs recipes in the Makefile folder and expands make variables', () => {
    const snapshot = memorySnapshot({ 'services/api/Dockerfile': '', 'services/api/Makefile': '' });
    const text = 'IMAGE = acme/api\nbuild:\n\tdocker build -t $(IMAGE) -f $(CURDIR)/Dockerfile .\n\tFOO=1 docker build -f Dockerfile.missing .\n';
    expect(scan('services/api/Makefile', text, snapshot)).toMatchObject({
      invocations: [{ dockerfile: 'services/api/Dockerfile', context: 'services/api', origin: 'services/api/Makefile:3' }],
      problems: [{ rule: 'dockerfile-not-found', line: 4 }],
    });
  });
  it('expands just variables', () => {
    const text = 'df := "deploy/worker.Dockerfile"\n\nbuild:\n    docker build -f {{df}} --build-arg V={{version}} .\n';
    expect(scan('justfile', text).invocations).toMatchObject([{ dockerfile: 'deploy/worker.Dockerfile', context: '', buildArgs: {} }]);
  });
});

describe('CI YAML', () => {
  it('reads run steps with working-directory and skips matrix expressions', () => {
    const text = `jobs:\n  build:\n    steps:\n      - run: docker build -t api .\n        working-directory: services/api\n      - run: |\n          echo building\n          docker build -f \${{ matrix.dockerfile }} .\n      - run: docker build -f deploy/worker.Dockerfile \${{ github.workspace }}\n`;
    expect(scan('.github/workflows/ci.yml', text)).toMatchObject({
      invocations: [
        { dockerfile: 'services/api/Dockerfile', context: 'services/api', origin: '.github/workflows/ci.yml:4' },
        { dockerfile: 'deploy/worker.Dockerfile', context: '', origin: '.github/workflows/ci.yml:9' },
      ],
      problems: [],
    });
  });
  it('reads GitLab script lines and Cloud Build steps with dir', () => {
    expect(scan('.gitlab-ci.yml', 'build:\n  script:\n    - "docker build -f deploy/worker.Dockerfile ."\n').invocations).toMatchObject([{ origin: '.gitlab-ci.yml:3' }]);
    const cloudbuild = 'steps:\n- name: gcr.io/cloud-builders/docker\n  dir: services/api\n  args: [build, -t, gcr.io/$PROJECT_ID/api, .]\n';
    expect(scan('cloudbuild.api.yaml', cloudbuild).invocations).toMatchObject([{ dockerfile: 'services/api/Dockerfile', context: 'services/api', origin: 'cloudbuild.api.yaml:2' }]);
  });
  it('reports malformed YAML with its line', () => {
    expect(scan('.gitlab-ci.yml', 'build:\n  script: [docker build .\n').problems).toMatchObject([{ rule: 'discovery-file-unreadable', file: '.gitlab-ci.yml', severity: 'warning' }]);
  });
});

describe('compose files', () => {
  it('resolves context from the compose folder and dockerfile from the context', () => {
    const text = 'services:\n  worker:\n    build:\n      context: ..\n      dockerfile: deploy/worker.Dockerfile\n      args: ["A=1", "B", "C=${C:-3}", "D=$D"]\n    entrypoint: ["python", "-m"]\n    command: worker\n';
    expect(scan('compose/docker-compose.prod.yml', text).invocations).toEqual([
      {
        dockerfile: 'deploy/worker.Dockerfile',
        context: '',
        source: 'compose',
        origin: 'compose/docker-compose.prod.yml:3',
        name: 'worker',
        buildArgs: { A: '1', C: '3' },
        entrypoint: ['python', '-m', 'worker'],
        gcloudUpload: false,
      },
    ]);
  });
  it('reports a missing Dockerfile and malformed YAML instead of crashing', () => {
    expect(scan('compose.yaml', 'services:\n  api:\n    build: ./services/nope\n').problems).toMatchObject([
      { rule: 'dockerfile-not-found', file: 'compose.yaml', line: 3, message: 'services/nope/Dockerfile is built here but does not exist in the repository' },
    ]);
    expect(scan('compose.yaml', 'services:\n  api:\n    build: [\n').problems).toMatchObject([{ rule: 'discovery-file-unreadable', line: expect.any(Number) }]);
  });
  it('skips builds whose paths use unset variables', () => {
    expect(scan('compose.yaml', 'services:\n  api:\n    build: ${API_DIR}\n')).toEqual({ invocations: [], problems: [] });
  });
});

describe('inputs made before the build', () => {
  it('reads a Cloud Build config named <x>.cloudbuild.yaml and what its script copies into the context first', () => {
    const text = 'steps:\n  - name: gcr.io/cloud-builders/docker\n    script: |\n      cp -R ops/ services/api/ops-copy\n      docker build -t img services/api/.\n';
    expect(scan('deploy/api.cloudbuild.yaml', text).invocations).toEqual([
      expect.objectContaining({
        dockerfile: 'services/api/Dockerfile',
        context: 'services/api',
        unseenInputs: [{ path: 'services/api/ops-copy', reason: 'made by deploy/api.cloudbuild.yaml:4 before the build' }],
      }),
    ]);
  });
  it('follows downloads in earlier workflow steps and Cloud Build tool steps, into existing folders too', () => {
    const workflow = [
      'jobs:',
      '  build:',
      '    steps:',
      '      - run: curl -sSfL -o services/api/model.bin https://example.com/m.bin',
      '      - run: mkdir -p "$OUT"',
      '      - run: docker build -t api services/api',
    ].join('\n');
    expect(scan('.github/workflows/build.yml', workflow).invocations[0]?.unseenInputs).toEqual([
      { path: 'services/api/model.bin', reason: 'made by .github/workflows/build.yml:4 before the build' },
    ]);
    const cloudbuild = [
      'steps:',
      '  - name: gcr.io/cloud-builders/gsutil',
      "    args: ['-m', 'cp', '-r', 'gs://models/ranker', 'services/api/app']",
      '  - name: gcr.io/cloud-builders/docker',
      "    args: ['build', '-t', 'api', 'services/api']",
    ].join('\n');
    expect(scan('cloudbuild.yaml', cloudbuild).invocations[0]?.unseenInputs).toEqual([
      { path: 'services/api/app/ranker', reason: 'made by cloudbuild.yaml:2 before the build' },
    ]);
  });
  it('leaves out what a script makes after the build or outside its context', () => {
    const text = 'cp -R libs/ vendor/libs\ndocker build -f deploy/worker.Dockerfile services/api\nmkdir services/api/later\n';
    expect(scan('ops/build/build.sh', text).invocations[0]?.unseenInputs).toBeUndefined();
  });
});

describe('script variables with several values', () => {
  const services = memorySnapshot({
    'services/api/Dockerfile': 'FROM python:3.12\n',
    'services/worker/Dockerfile': 'FROM python:3.12\n',
    'services/worker/Dockerfile.gpu': 'FROM python:3.12\n',
    'deploy.sh': '',
  });
  const built = (text: string) => scan('deploy.sh', text, services).invocations.map((i) => [i.dockerfile, i.context, i.origin]);

  it('builds every case branch and every if/else arm', () => {
    const text = [
      'case "$1" in',
      '  api) DOCKERFILE=services/api/Dockerfile; CONTEXT=services/api ;;',
      '  worker)',
      '    DOCKERFILE=services/worker/Dockerfile',
      '    CONTEXT=services/worker',
      '    ;;',
      'esac',
      'if [ "$GPU" = 1 ]; then SUFFIX=.gpu; else SUFFIX=; fi',
      'docker build -f "$DOCKERFILE" "$CONTEXT"',
      'docker build -f "services/worker/Dockerfile$SUFFIX" services/worker',
    ].join('\n');
    expect(built(text)).toEqual([
      ['services/api/Dockerfile', 'services/api', 'deploy.sh:9'],
      ['services/worker/Dockerfile', 'services/worker', 'deploy.sh:9'],
      ['services/worker/Dockerfile.gpu', 'services/worker', 'deploy.sh:10'],
      ['services/worker/Dockerfile', 'services/worker', 'deploy.sh:10'],
    ]);
  });

  it('gives the variable a case tests the value of each literal pattern in its arm', () => {
    const text = 'case "$1" in\n  api|worker)\n    docker build -t "app-$1" "services/$1" ;;\n  *) echo "usage: $0 api|worker"; exit 1 ;;\nesac\n';
    expect(built(text)).toEqual([
      ['services/api/Dockerfile', 'services/api', 'deploy.sh:3'],
      ['services/worker/Dockerfile', 'services/worker', 'deploy.sh:3'],
    ]);
  });

  it('builds each value of a for loop, keeping one value per variable across the words', () => {
    expect(built('for svc in api worker; do\n  docker build -t "$svc" -f "services/$svc/Dockerfile" "services/$svc"\ndone\n')).toEqual([
      ['services/api/Dockerfile', 'services/api', 'deploy.sh:2'],
      ['services/worker/Dockerfile', 'services/worker', 'deploy.sh:2'],
    ]);
  });

  it('reads a function once per call, with that call\'s arguments', () => {
    const text = [
      'build_image() {',
      '  local name=$1',
      '  docker build -t "registry/$name" -f "services/$name/Dockerfile${2:-}" "services/$name"',
      '}',
      'push() { docker push "registry/$1"; }',
      'build_image api',
      'for gpu in .gpu; do build_image worker "$gpu"; done',
      'push api',
    ].join('\n');
    expect(built(text)).toEqual([
      ['services/api/Dockerfile', 'services/api', 'deploy.sh:3'],
      ['services/worker/Dockerfile.gpu', 'services/worker', 'deploy.sh:3'],
    ]);
  });
});

describe('gcloud builds submit --config with substitutions', () => {
  it('joins the call with the config: its -f ${_DOCKERFILE} and context, from the uploaded source folder', async () => {
    const config = [
      'substitutions:',
      '  _DOCKERFILE: Dockerfile',
      'steps:',
      '  - name: gcr.io/cloud-builders/docker',
      "    args: ['build', '-f', '${_DOCKERFILE}', '-t', 'gcr.io/$PROJECT_ID/$_SERVICE', '.']",
    ].join('\n');
    const snapshot = memorySnapshot({
      'ops/cloudbuild.yaml': config,
      'services/worker/Dockerfile': 'FROM python:3.12\n',
      'services/worker/Dockerfile.gpu': 'FROM python:3.12\n',
      'deploy.sh': [
        'for variant in "" .gpu; do',
        '  gcloud builds submit --config ops/cloudbuild.yaml --substitutions=_DOCKERFILE=Dockerfile$variant,_SERVICE=worker services/worker',
        'done',
      ].join('\n'),
    });
    const { invocations, problems } = await scanBuildFiles(snapshot, () => false);
    // Read on its own, the config would build ./Dockerfile from the repository root, which does not exist.
    expect(problems).toEqual([]);
    expect(invocations.map((i) => [i.dockerfile, i.context, i.origin])).toEqual([
      ['services/worker/Dockerfile', 'services/worker', 'ops/cloudbuild.yaml:4'],
      ['services/worker/Dockerfile.gpu', 'services/worker', 'ops/cloudbuild.yaml:4'],
    ]);
  });
});

describe('reusable workflows', () => {
  it("joins a caller's with: inputs with the called workflow's build steps", async () => {
    const called = [
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      service: { type: string, required: true }',
      '      dockerfile: { type: string, default: Dockerfile }',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: services/${{ inputs.service }}',
      '          file: services/${{ inputs.service }}/${{ inputs.dockerfile }}',
      '      - run: docker build -f "services/${{ inputs.service }}/${{ inputs.dockerfile }}" services/${{ inputs.service }}',
    ].join('\n');
    const caller = [
      'on: push',
      'jobs:',
      '  api:',
      '    uses: ./.github/workflows/build-image.yml',
      '    with:',
      '      service: api',
      '  worker-gpu:',
      '    uses: ./.github/workflows/build-image.yml',
      '    with:',
      '      service: worker',
      '      dockerfile: Dockerfile.gpu',
    ].join('\n');
    const snapshot = memorySnapshot({
      '.github/workflows/build-image.yml': called,
      '.github/workflows/release.yml': caller,
      'services/api/Dockerfile': 'FROM python:3.12\n',
      'services/worker/Dockerfile.gpu': 'FROM python:3.12\n',
    });
    const { invocations, problems } = await scanBuildFiles(snapshot, () => false);
    expect(problems).toEqual([]);
    expect(invocations.map((i) => [i.dockerfile, i.context, i.origin])).toEqual([
      ['services/api/Dockerfile', 'services/api', '.github/workflows/build-image.yml:10'],
      ['services/api/Dockerfile', 'services/api', '.github/workflows/build-image.yml:14'],
      ['services/worker/Dockerfile.gpu', 'services/worker', '.github/workflows/build-image.yml:10'],
      ['services/worker/Dockerfile.gpu', 'services/worker', '.github/workflows/build-image.yml:14'],
    ]);
  });
});

describe('docker buildx bake files', () => {
  const repo = {
    'services/api/Dockerfile': 'FROM python:3.12\n',
    'services/worker/worker.Dockerfile': 'FROM python:3.12\n',
  };
  it('reads HCL targets with inherits, variables, args and target', async () => {
    const hcl = [
      '# Built in CI with `docker buildx bake`',
      'variable "PYTHON_VERSION" { default = "3.12" }',
      'group "default" {',
      '  targets = ["api", "worker"]',
      '}',
      'target "_common" {',
      '  args = { PYTHON_VERSION = "${PYTHON_VERSION}" }',
      '  platforms = ["linux/amd64"]',
      '}',
      'target "api" {',
      '  inherits = ["_common"]',
      '  context = "services/api"',
      '  target = "prod"',
      '}',
      'target "worker" {',
      '  inherits = ["_common"]',
      '  context = "services/worker"',
      '  dockerfile = "worker.Dockerfile"',
      '  contexts = { base = "target:api" }',
      '  tags = ["registry/worker:${PYTHON_VERSION}"]',
      '}',
    ].join('\n');
    const { invocations, problems } = await scanBuildFiles(memorySnapshot({ ...repo, 'docker-bake.hcl': hcl }), () => false);
    expect(problems).toEqual([]);
    expect(invocations.map((i) => [i.name, i.dockerfile, i.context, i.target, i.buildArgs, i.origin])).toEqual([
      ['api', 'services/api/Dockerfile', 'services/api', 'prod', { PYTHON_VERSION: '3.12' }, 'docker-bake.hcl:10'],
      ['worker', 'services/worker/worker.Dockerfile', 'services/worker', undefined, { PYTHON_VERSION: '3.12' }, 'docker-bake.hcl:15'],
    ]);
  });
  it('reads a bake file a script names with -f, taking paths from where the script runs', async () => {
    const hcl = 'target "api" {\n  context = "services/api"\n}\n';
    const snapshot = memorySnapshot({ ...repo, 'ci/images.hcl': hcl, 'build.sh': 'docker buildx bake -f ci/images.hcl --push api\n' });
    const { invocations, problems } = await scanBuildFiles(snapshot, () => false);
    expect(problems).toEqual([]);
    expect(invocations.map((i) => [i.name, i.dockerfile, i.context, i.origin])).toEqual([['api', 'services/api/Dockerfile', 'services/api', 'ci/images.hcl:1']]);
  });

  it('reads JSON bake files, from the bake file folder, and reports a named Dockerfile that is missing', async () => {
    const json = JSON.stringify({ target: { api: { context: '../services/api' }, gone: { context: '../services/gone', dockerfile: 'Dockerfile' } } }, null, 2);
    const { invocations, problems } = await scanBuildFiles(memorySnapshot({ ...repo, 'ci/docker-bake.json': json }), () => false);
    expect(invocations.map((i) => [i.name, i.dockerfile, i.context])).toEqual([['api', 'services/api/Dockerfile', 'services/api']]);
    expect(problems.map((p) => [p.rule, p.file, p.message])).toEqual([
      ['dockerfile-not-found', 'ci/docker-bake.json', 'services/gone/Dockerfile is built here but does not exist in the repository'],
    ]);
  });
});
