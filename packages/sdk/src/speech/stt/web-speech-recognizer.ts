import type { Language } from '../../config';
import { TypedEmitter } from '../../util/emitter';
import type { RecognizerEvents, SpeechRecognizer } from './stt-provider';

/** The parts of the (prefixed, untyped in TS's DOM lib) Web Speech recognition we use. */
interface RecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  start(): void;
  stop(): void;
  abort(): void;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  /** Chrome 139+: recognise on the device only (no audio to the vendor's service). */
  processLocally?: boolean;
}
type RecognitionConstructor = (new () => RecognitionLike) & {
  /** Chrome 139+: whether recognition for these languages can run (locally) here. */
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<'available' | 'downloadable' | 'downloading' | 'unavailable'>;
};

/** Errors after which retrying cannot help: the engine is missing, offline or not allowed. */
const FATAL_ERRORS: Readonly<Record<string, string>> = {
  'not-allowed': 'speech recognition is not allowed (no permission, or no recognition service offline)',
  'service-not-allowed': 'the speech recognition service is not allowed here',
  'audio-capture': 'no microphone could be used for speech recognition',
  network: 'speech recognition needs a network connection',
  'language-not-supported': 'speech recognition does not support this language',
};

/**
 * The browser's live speech recognition where present. Chromium's sends audio to a cloud
 * service, so offline (and in headless test browsers) it fails with `not-allowed` or
 * `audio-capture`: that becomes one `unavailable` event and no retries, and the
 * conversation carries on with VAD + transcription or the text box.
 *
 * With `onDevice`, it runs only where the browser recognises on the device
 * (`processLocally`, Chrome 139+ with the language installed); elsewhere it reports
 * `unavailable` without ever starting, so no audio goes to the vendor's service.
 */
export class WebSpeechRecognizer implements SpeechRecognizer {
  private readonly emitter = new TypedEmitter<RecognizerEvents>();
  private readonly Recognition: RecognitionConstructor | undefined;
  private recognition: RecognitionLike | null = null;
  private unavailableReason: string | null = null;
  private wanted = false;

  constructor(
    Recognition?: RecognitionConstructor,
    private readonly options: { onDevice?: boolean } = {},
  ) {
    const scope = globalThis as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
    this.Recognition = Recognition ?? scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
    if (!this.Recognition) this.unavailableReason = 'this browser has no speech recognition';
  }

  get available(): boolean {
    return this.unavailableReason === null;
  }

  on<K extends keyof RecognizerEvents>(type: K, listener: (payload: RecognizerEvents[K]) => void): () => void {
    return this.emitter.on(type, listener);
  }

  start(lang: Language): void {
    if (!this.Recognition || this.unavailableReason !== null) {
      this.emitter.emit('unavailable', { reason: this.unavailableReason ?? 'unavailable' });
      return;
    }
    this.wanted = true;
    const tag = lang === 'nl' ? 'nl-NL' : 'en-GB';
    if (!this.options.onDevice) return this.listen(this.Recognition, tag);
    const Recognition = this.Recognition;
    const check = Recognition.available?.({ langs: [tag], processLocally: true }) ?? Promise.resolve('unavailable' as const);
    check.then(
      (status) => {
        if (!this.wanted) return;
        if (status === 'available') this.listen(Recognition, tag);
        else this.fail(`this browser has no on-device speech recognition for ${tag} (${status})`);
      },
      () => this.fail('this browser has no on-device speech recognition'),
    );
  }

  private fail(reason: string): void {
    this.unavailableReason = reason;
    this.wanted = false;
    this.emitter.emit('unavailable', { reason });
  }

  private listen(Recognition: RecognitionConstructor, tag: string): void {
    const recognition = new Recognition();
    if (this.options.onDevice) recognition.processLocally = true;
    recognition.lang = tag;
    recognition.continuous = true;
    recognition.interimResults = true;
    recognition.onresult = (event) => {
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        const text = result?.[0]?.transcript.trim();
        if (result && text) this.emitter.emit('result', { text, final: result.isFinal });
      }
    };
    recognition.onerror = (event) => {
      const fatal = FATAL_ERRORS[event.error];
      if (fatal) this.fail(fatal); // else no-speech, aborted: onend restarts
    };
    // Chromium ends continuous recognition after silence; keep listening while wanted.
    recognition.onend = () => {
      if (this.wanted && this.recognition === recognition) recognition.start();
    };
    this.recognition = recognition;
    try {
      recognition.start();
    } catch {
      // Some browsers throw synchronously instead of firing `error`.
      recognition.onerror({ error: 'not-allowed' });
    }
  }

  stop(): void {
    this.wanted = false;
    this.recognition?.abort();
    this.recognition = null;
  }
}
