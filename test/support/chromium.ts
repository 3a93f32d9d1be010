/**
 * Debian's Chromium, never a Playwright download (these machines cannot fetch browsers).
 * Flags: quiet networking (the sandbox refuses Google's hosts), software WebGL 2 through
 * SwiftShader, and no throttling of background tabs so frame timing stays honest.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];
