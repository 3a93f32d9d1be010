import type { Language } from '../../config';
import type { PreparedSpeech, PrepareOptions, TtsProvider } from './tts-provider';

/** Options of a {@link WebSpeechTts}. */
export interface WebSpeechTtsOptions {
  /** Preferred voice names per language (first available wins); otherwise any voice of the language. */
  voices?: Partial<Record<Language, readonly string[]>>;
  /** Speaking rate, 0.1–10; default 1. */
  rate?: number;
  pitch?: number;
  /** The synthesis object (tests pass a fake); default `speechSynthesis`. */
  synthesis?: SpeechSynthesis;
}

/** Milliseconds per character at rate 1: espeak-ng and the big cloud voices say ~13–16 characters a second. */
const MS_PER_CHAR = 68;

/**
 * The browser's own speech synthesis: no network with local voices, no key. It gives no
 * audio clock and usually no word timings, so lip-sync gets the estimated length and runs
 * on `performance.now()`. Needs a user gesture before the first `speak()` in most browsers.
 */
export class WebSpeechTts implements TtsProvider {
  private readonly synthesis: SpeechSynthesis | undefined;
  private readonly pending = new Set<() => void>();

  constructor(private readonly options: WebSpeechTtsOptions = {}) {
    this.synthesis = options.synthesis ?? globalThis.speechSynthesis;
    // Asking starts Chromium's (asynchronous) voice listing now, well before the first answer.
    this.synthesis?.getVoices();
  }

  /** Whether this browser can speak at all. */
  get available(): boolean {
    return !!this.synthesis;
  }

  now(): number {
    return performance.now() / 1000;
  }

  /**
   * Resolves once the browser has listed its voices (Chromium fills the list
   * asynchronously, so the first utterance would otherwise get no voice), or after
   * `timeoutMs` on browsers that never list any.
   */
  private voicesReady(timeoutMs = 3000): Promise<void> {
    const synthesis = this.synthesis;
    if (!synthesis || synthesis.getVoices().length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        synthesis.removeEventListener('voiceschanged', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      synthesis.addEventListener('voiceschanged', done);
    });
  }

  /** The voice used for `lang`, if the browser has one (voices load asynchronously). */
  voiceFor(lang: Language): SpeechSynthesisVoice | null {
    const voices = this.synthesis?.getVoices() ?? [];
    for (const name of this.options.voices?.[lang] ?? []) {
      const voice = voices.find((v) => v.name === name);
      if (voice) return voice;
    }
    const ofLanguage = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang));
    return ofLanguage.find((v) => v.localService) ?? ofLanguage[0] ?? null;
  }

  async prepare(text: string, options: PrepareOptions): Promise<PreparedSpeech> {
    const synthesis = this.synthesis;
    if (!synthesis) throw new Error('This browser has no speech synthesis (window.speechSynthesis).');
    await this.voicesReady();
    const rate = this.options.rate ?? 1;
    const duration = (text.length * MS_PER_CHAR) / rate;
    return {
      text,
      play: (onStart) =>
        new Promise<void>((resolve, reject) => {
          const utterance = new SpeechSynthesisUtterance(text);
          utterance.lang = options.lang === 'nl' ? 'nl-NL' : 'en-GB';
          const voice = this.voiceFor(options.lang);
          if (voice) utterance.voice = voice;
          utterance.rate = rate;
          utterance.pitch = this.options.pitch ?? 1;
          const finish = () => {
            this.pending.delete(finish);
            resolve();
          };
          this.pending.add(finish);
          utterance.onstart = () => onStart({ timing: { kind: 'duration', duration }, at: this.now() });
          utterance.onend = finish;
          utterance.onerror = (event) => {
            this.pending.delete(finish);
            // cancel() (barge-in) reports `interrupted`/`canceled`: a stop, not a failure.
            if (event.error === 'interrupted' || event.error === 'canceled') resolve();
            else reject(new Error(`Speech synthesis failed: ${event.error}`));
          };
          synthesis.speak(utterance);
        }),
    };
  }

  stop(): void {
    this.synthesis?.cancel();
    for (const finish of [...this.pending]) finish();
  }
}
