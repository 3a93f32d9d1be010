import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Where the SDK's script expects the face worker, relative to its asset folder. */
const WORKER_PATH = '/workers/face-emotion-worker.js';
const WORKER_SOURCE = fileURLToPath(new URL('./src/perception/face-emotion-worker.ts', import.meta.url));

/**
 * Dev server only (`pnpm start`): serves the face worker at `/workers/face-emotion-worker.js`,
 * where a built SDK has it (vite.worker.config.ts). The request is rewritten to the worker's
 * TypeScript source, which Vite then transforms like any other module, so the worker
 * reloads with the SDK's source and no build step runs. A production build is unaffected.
 */
export function faceWorkerDevServer(): Plugin {
  return {
    name: 'digimens:face-worker-dev',
    apply: 'serve',
    configureServer(server) {
      // Registered here (not in a returned hook), so it runs before Vite's own middlewares.
      server.middlewares.use((request, _response, next) => {
        if (request.url?.split('?')[0] === WORKER_PATH) request.url = `/@fs${WORKER_SOURCE}`;
        next();
      });
    },
  };
}
