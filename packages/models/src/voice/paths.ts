import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (the CLIs resolve their defaults from it, whatever the cwd). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The voice-emotion model the SDK ships, written by `pnpm train:voice`. */
export const VOICE_MODEL_PATH = resolve(REPO_ROOT, 'packages/sdk/public/models/voice-emotion.onnx');
