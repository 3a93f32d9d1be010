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

/** What the fake media devices play, and whether pages may play sound without a click. */
export interface FakeMedia {
  /** A wav the fake microphone loops. */
  microphone?: string;
  /** A y4m video the fake camera loops. */
  camera?: string;
  /** Let the avatar speak without a user gesture (conversation tests). */
  autoplay?: boolean;
}

/**
 * Launch options for Debian's Chromium with fake capture devices that play the given files,
 * permission granted as if the person clicked "Allow".
 */
export function fakeMediaLaunchOptions(media: FakeMedia): { executablePath: string; args: string[] } {
  return {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      ...(media.autoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      ...(media.camera ? [`--use-file-for-fake-video-capture=${media.camera}`] : []),
      ...(media.microphone ? [`--use-file-for-fake-audio-capture=${media.microphone}`] : []),
    ],
  };
}
