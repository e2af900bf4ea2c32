export { deriveLaunch, type DeriveLaunchInput } from './derive-launch.js';
export { looksLikePythonImage } from './looks-like-python-image.js';
