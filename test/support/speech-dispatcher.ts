import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private home folder for Chromium's speech-dispatcher (Web Speech synthesis on Linux):
 * espeak-ng voices and ALSA's null output, so headless Chromium speaks — start and end
 * events included — on machines without a sound card. Only the browser under test sees
 * it; the developer's own ~/.asoundrc and speech-dispatcher settings stay untouched.
 * Needs Debian's `speech-dispatcher` and `speech-dispatcher-espeak-ng` (the test bootstrap
 * installs them).
 */
export function speechDispatcherHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'digimens-speech-'));
  const config = join(home, '.config');
  mkdirSync(join(config, 'speech-dispatcher'), { recursive: true });
  writeFileSync(
    join(config, 'speech-dispatcher', 'speechd.conf'),
    'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n',
  );
  writeFileSync(join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  return { HOME: home, XDG_CONFIG_HOME: config };
}
