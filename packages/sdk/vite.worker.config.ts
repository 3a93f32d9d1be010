import { defineConfig } from 'vite';

/**
 * Third build of `pnpm build`: the facial-emotion worker as its own ES module
 * (`dist/workers/face-emotion-worker.js`, ONNX Runtime bundled in), loaded by URL from
 * beside the SDK's script. The page's bundles (ESM and IIFE) never carry ONNX Runtime for it.
 */
export default defineConfig({
  publicDir: false,
  // ONNX Runtime's build that loads its WASM from `env.wasm.wasmPaths` (the self-hosted
  // `ort/` folder) instead of inlining 70 MB of it as base64 into the worker.
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist/workers',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    lib: { entry: 'src/perception/face-emotion-worker.ts', formats: ['es'], fileName: () => 'face-emotion-worker.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
