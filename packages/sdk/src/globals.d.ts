/** Injected by Vite's `define` from package.json at build time. */
declare const __DIGIMENS_VERSION__: string;
