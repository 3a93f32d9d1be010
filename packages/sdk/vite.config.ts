import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { RUNTIME_ASSETS } from './runtime-assets.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two library builds from one config:
 * - default mode: ESM for npm (`dist/digimens.js`), three.js and friends left to the
 *   host app's bundler so a page never ships two copies of three;
 * - `--mode iife`: one self-contained `dist/digimens.iife.js` for a plain script tag.
 * `public/` (the generated avatars) is copied beside both, so assets resolve relative
 * to the script's own URL.
 */
export default defineConfig(({ mode }) => {
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
        external: iife ? [] : [/^three(\/.*)?$/, /^@pixiv\/three-vrm/, /^zod(\/.*)?$/],
      },
    },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  };
});
