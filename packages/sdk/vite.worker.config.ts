import { defineConfig } from 'vite';

/**
 * Third build of `pnpm build`: the face worker (MediaPipe landmarks + ONNX emotion
 * classifiers) as its own ES module, `dist/workers/face-emotion-worker.js`, loaded by URL
 * from beside the SDK's script. It bundles only Digimens' own code: ONNX Runtime (`ort/`)
 * and MediaPipe (`mediapipe/`) are imported by URL at run time from the self-hosted runtime
 * folders, so neither the page's bundles (ESM and IIFE) nor this file carry them.
 * In the demo's dev server the worker is served from source instead (face-worker-dev.ts).
 */
export default defineConfig({
  publicDir: false,
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
