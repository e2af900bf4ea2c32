import type { Launcher } from '../launch-context.js';
import { launchAwsLambdaRic } from './aws-lambda-ric.js';
import { launchCelery } from './celery.js';
import { launchFastapi } from './fastapi.js';
import { launchFlask } from './flask.js';
import { launchFunctionsFramework } from './functions-framework.js';
import { launchGunicorn } from './gunicorn.js';
import { launchLocust } from './locust.js';
import { launchDaphne, launchHypercorn, launchWaitress } from './module-app-server.js';
import { isPythonProgram, launchPython } from './python.js';
import { launchStreamlit } from './streamlit.js';
import { launchUvicorn } from './uvicorn.js';
import { launchUwsgi } from './uwsgi.js';

/** Console programs whose Python entry dockguard knows how to find, by basename. */
const LAUNCHERS: Record<string, Launcher> = {
  gunicorn: launchGunicorn,
  uvicorn: launchUvicorn,
  flask: launchFlask,
  celery: launchCelery,
  'functions-framework': launchFunctionsFramework,
  'functions-framework-python': launchFunctionsFramework,
  streamlit: launchStreamlit,
  fastapi: launchFastapi,
  hypercorn: launchHypercorn,
  daphne: launchDaphne,
  'waitress-serve': launchWaitress,
  locust: launchLocust,
  uwsgi: launchUwsgi,
  awslambdaric: launchAwsLambdaRic,
};

export function findLauncher(program: string): Launcher | undefined {
  if (isPythonProgram(program)) return launchPython;
  return Object.hasOwn(LAUNCHERS, program) ? LAUNCHERS[program] : undefined;
}

export { isPythonProgram };
