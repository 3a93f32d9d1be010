import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { RUNTIME_ASSETS } from './runtime-assets.ts';

const { version, dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** For the npm (ESM) build: every runtime dependency is left to the host app's bundler. */
const isDependency = (id: string): boolean => Object.keys(dependencies).some((name) => id === name || id.startsWith(`${name}/`));

/**
 * Two library builds from one config:
 * - default mode: ESM for npm (`dist/digimens.js`), its dependencies (three.js and the rest) left to the
 *   host app's bundler so a page never ships two copies of three;
 * - `--mode iife`: one self-contained `dist/digimens.iife.js` for a plain script tag.
 * `public/` (the generated avatars) is copied beside both, so assets resolve relative
 * to the script's own URL.
 * - `--mode server`: the Node-only `@digimens/sdk/server` (`dist/server.js`) and the
 *   `digimens-proxy` command (`dist/proxy.js`); never part of a browser bundle.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'server') return serverBuild;
  const iife = mode === 'iife';
  return {
    publicDir: 'public',
    // Once per build pair: the ESM build (which empties dist/) copies the runtime files.
    plugins: iife ? [] : [viteStaticCopy({ targets: RUNTIME_ASSETS.map(({ from, to }) => ({ src: from, dest: to, rename: { stripBase: true } })) })],
    define: {
      __DIGIMENS_VERSION__: JSON.stringify(version),
      // A classic script has no import.meta; assets.ts uses document.currentScript there.
      ...(iife ? { 'import.meta.url': 'undefined' } : {}),
    },
    build: {
      outDir: 'dist',
      emptyOutDir: !iife,
      sourcemap: true,
      minify: iife,
      target: 'es2022',
      lib: iife
        ? { entry: 'src/iife.ts', name: 'Digimens', formats: ['iife'], fileName: () => 'digimens.iife.js' }
        : { entry: 'src/index.ts', formats: ['es'], fileName: () => 'digimens.js' },
      rolldownOptions: {
        external: iife ? [] : isDependency,
      },
    },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  };
});

/** Node build of src/server: ESM for Node 20, node: built-ins left external. */
const serverBuild = {
  publicDir: false as const,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: 'node20',
    ssr: true,
    rolldownOptions: {
      input: { server: 'src/server/index.ts', proxy: 'src/server/cli.ts' },
      output: { format: 'es' as const, entryFileNames: '[name].js', chunkFileNames: 'server/[name]-[hash].js' },
    },
  },
};
