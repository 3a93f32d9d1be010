import { describe, expect, it } from 'vitest';
import { WebSpeechRecognizer } from './web-speech-recognizer';

/** A stand-in for the browser's SpeechRecognition that records what was started. */
function fakeRecognition(available?: 'available' | 'downloadable' | 'unavailable') {
  const started: Array<{ lang: string; processLocally: boolean | undefined }> = [];
  class Recognition {
    lang = '';
    continuous = false;
    interimResults = false;
    processLocally: boolean | undefined;
    onresult = null;
    onerror = null;
    onend = null;
    start() {
      started.push({ lang: this.lang, processLocally: this.processLocally });
    }
    stop() {}
    abort() {}
    static available = available ? async () => available : undefined;
  }
  return { Recognition, started };
}

describe('WebSpeechRecognizer', () => {
  it('on-device mode never starts where the browser cannot recognise locally (no audio to a cloud service)', async () => {
    for (const status of [undefined, 'downloadable', 'unavailable'] as const) {
      const { Recognition, started } = fakeRecognition(status);
      const recognizer = new WebSpeechRecognizer(Recognition, { onDevice: true });
      const reasons: string[] = [];
      recognizer.on('unavailable', ({ reason }) => reasons.push(reason));
      recognizer.start('nl');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(started).toEqual([]);
      expect(reasons).toEqual([expect.stringMatching(/no on-device speech recognition/)]);
      expect(recognizer.available).toBe(false);
    }
  });

  it('on-device mode asks the browser to process locally where it can', async () => {
    const { Recognition, started } = fakeRecognition('available');
    new WebSpeechRecognizer(Recognition, { onDevice: true }).start('nl');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([{ lang: 'nl-NL', processLocally: true }]);
  });

  it('without on-device mode it starts the browser recognition as is', () => {
    const { Recognition, started } = fakeRecognition();
    new WebSpeechRecognizer(Recognition).start('en');
    expect(started).toEqual([{ lang: 'en-GB', processLocally: undefined }]);
  });
});
