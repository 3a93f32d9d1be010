import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { faceWorkerDevServer } from '../sdk/face-worker-dev.ts';
import { RUNTIME_ASSETS } from '../sdk/runtime-assets.ts';
import { createProxyHandler, proxyConfigFromEnv } from '../sdk/src/server/index.ts';

const sdkSource = fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url));
// The configurator runs the (isomorphic) avatar generator from source, like the SDK.
const avatarGeneratorSource = fileURLToPath(new URL('../models/src/avatar/index.ts', import.meta.url));

const page = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/**
 * The demo runs the SDK from source (instant reloads while developing the SDK) and serves
 * the SDK's public folder, where `pnpm build:avatars` writes the generated avatars, at `/`.
 */
export default defineConfig({
  resolve: { alias: { '@digimens/sdk': sdkSource, '@digimens/models/avatar': avatarGeneratorSource } },
  // The SDK's runtime files (WASM, workers), at the same paths as beside a built SDK.
  plugins: [
    viteStaticCopy({ targets: RUNTIME_ASSETS.map(({ from, to }) => ({ src: from, dest: to, rename: { stripBase: true } })) }),
    // The face worker, which only the SDK's build makes: served from its source in dev.
    faceWorkerDevServer(),
    {
      // The key-holding proxy under /v1, so "Language model" works in `pnpm start` when
      // OPENAI_API_KEY (and optionally OPENAI_BASE_URL) is set; the page never sees the key.
      name: 'digimens-proxy',
      configureServer(server) {
        const config = proxyConfigFromEnv();
        const origins = ['http://127.0.0.1:5173', 'http://localhost:5173', ...config.allowedOrigins];
        server.middlewares.use(createProxyHandler({ ...config, allowedOrigins: origins }));
      },
    },
  ],
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  publicDir: fileURLToPath(new URL('../sdk/public', import.meta.url)),
  define: { __DIGIMENS_VERSION__: JSON.stringify('dev') },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4174 },
  build: {
    target: 'es2022',
    // Two pages: the studio and the avatar configurator.
    rolldownOptions: { input: { main: page('index.html'), configurator: page('configurator.html') } },
  },
});
