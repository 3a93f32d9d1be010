import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { RUNTIME_ASSETS } from '../sdk/runtime-assets.ts';

const sdkSource = fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url));

/**
 * The demo runs the SDK from source (instant reloads while developing the SDK) and serves
 * the SDK's public folder, where `pnpm build:avatars` writes the generated avatars, at `/`.
 */
export default defineConfig({
  resolve: { alias: { '@digimens/sdk': sdkSource } },
  // The SDK's runtime files (WASM, workers), at the same paths as beside a built SDK.
  plugins: [viteStaticCopy({ targets: RUNTIME_ASSETS.map(({ from, to }) => ({ src: from, dest: to, rename: { stripBase: true } })) })],
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  publicDir: fileURLToPath(new URL('../sdk/public', import.meta.url)),
  define: { __DIGIMENS_VERSION__: JSON.stringify('dev') },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4174 },
  build: { target: 'es2022' },
});
