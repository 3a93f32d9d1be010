import type { Language } from '../config';
import type { DigimensErrorCode } from '../errors';
import type { SegmentTranscriber } from '../speech/stt/stt-provider';
import { DigimensError } from '../errors';
import { TypedEmitter } from '../util/emitter';
import { Microphone, type MicrophoneOptions } from './microphone';
import { SpeechDetector, type MisfireEvent, type OverrunEvent, type SpeechDetectorOptions, type SpeechEndEvent, type SpeechStartEvent } from './vad';
import { SileroVad } from './vad-silero';
import type { ModelEntry } from '../models/model-entry';
import { VoiceEmotion, type VoiceEmotionEstimate, type VoiceEmotionLoadOptions } from './voice-emotion';
import { VOICE_FEATURE_COUNT, VOICE_SAMPLE_RATE } from './voice-features';

/** Options of {@link VoicePerception}. */
export interface VoicePerceptionOptions {
  /** Folder URL (absolute, or relative to the page) of the model files (`silero_vad_v5.onnx`, `voice-emotion.onnx`): the SDK's `models/`. */
  modelBaseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files: the SDK's `ort/`. */
  wasmPaths?: string;
  microphone?: Partial<MicrophoneOptions>;
  vad?: Partial<SpeechDetectorOptions>;
  /** Your own voice-emotion model instead of the shipped one (see {@link VoiceEmotionLoadOptions.model}). */
  emotionModel?: ModelEntry;
  /** Utterances shorter than this get no emotion estimate (too little voice to judge). Default 500 ms. */
  minEmotionMs?: number;
  /**
   * Voice emotion adapts to the session's speaker (see {@link VoicePerception.resetSpeaker});
   * after this long without an utterance it assumes the next one is someone else's.
   * Default 120 000 ms (2 min); `Infinity` never resets on silence.
   */
  speakerIdleResetMs?: number;
  /**
   * Where utterances are transcribed. Without it no audio leaves this object; with it,
   * each VAD-cut utterance (16 kHz mono, in memory only) goes to this transcriber alone.
   */
  transcription?: {
    transcriber: SegmentTranscriber;
    lang: () => Language;
    /**
     * Transcribe already at the VAD's `pause` (an `early-transcript`), so the reply can start
     * before the end of speech is certain; dropped on `resume`. Each pause costs a request.
     */
    early?: boolean;
  };
}

/** Events of {@link VoicePerception}. Audio stays inside; events carry times and numbers only. */
export interface VoicePerceptionEvents {
  /** Models loaded and the microphone running. */
  ready: { vadBackend: string; emotionBackend: string; sampleRate: number };
  /** The person started speaking (after several consecutive speech frames). */
  'speech-start': SpeechStartEvent;
  /** The person stopped speaking. */
  'speech-end': Omit<SpeechEndEvent, 'audio'>;
  /** A speech start that was too short to be an utterance. */
  misfire: MisfireEvent;
  /** Speech detection fell ~3 s behind (a long-blocked main thread): frames from `atMs` on are skipped until it catches up. */
  overrun: OverrunEvent;
  /** The text of the utterance so far, at a pause that may be its end (only with `transcription.early`). */
  'early-transcript': { text: string; startMs: number; endMs: number };
  /** The person spoke again after a pause: any `early-transcript` is stale. */
  resume: { atMs: number };
  /** The text of an utterance (only with `transcription`); follows its `speech-end`. */
  transcript: { text: string; startMs: number; endMs: number; /** From `speech-end` to the text (less when it was begun at a pause). */ transcribeMs: number };
  /** An utterance could not be transcribed (network, server error); the next one is tried again. */
  'transcription-failed': { reason: string; startMs: number; endMs: number };
  /** How the last utterance sounded; follows its `speech-end`. */
  emotion: VoiceEmotionEstimate & { startMs: number; endMs: number };
  /** Listening is impossible (mic denied/absent, models missing); the avatar keeps running with text input. */
  degraded: { code: DigimensErrorCode; reason: string };
  /** Model download progress. */
  progress: { file: string; loaded: number; total: number | undefined };
}

/**
 * On-device voice perception: microphone (AudioWorklet, 16 kHz) → Silero VAD → utterances
 * → voice emotion. Raw audio never leaves this object: not in events, not over the
 * network, except to a transcriber the options name. Tell it when the avatar talks
 * ({@link setAvatarSpeaking}): only a person talking over it is heard then.
 */
export class VoicePerception extends TypedEmitter<VoicePerceptionEvents> {
  private readonly microphone: Microphone;
  private vad: SileroVad | null = null;
  private emotion: VoiceEmotion | null = null;
  private detector: SpeechDetector | null = null;
  private avatarSpeaking = false;
  /** Aborts transcriptions in flight when listening stops. */
  private transcriptions = new AbortController();
  /** The transcription started at the current pause, if any. */
  private early: { abort: AbortController; text: Promise<string> } | null = null;
  private readonly unsubscribe: Array<() => void> = [];
  /** When the last utterance given to voice emotion ended (performance.now()), or null. */
  private lastEmotionAt: number | null = null;

  constructor(private readonly options: VoicePerceptionOptions) {
    super();
    this.microphone = new Microphone(options.microphone);
    this.microphone.on('unavailable', ({ code, reason }) => this.emit('degraded', { code, reason }));
  }

  /**
   * Loads the models and starts listening. Resolves `true` when listening; `false` after
   * a `degraded` event when the microphone or the models are not available.
   */
  async start(): Promise<boolean> {
    if (this.microphone.active) return true;
    // The microphone first: when it is refused, nothing is downloaded for nothing.
    if (!(await this.microphone.start())) return false;
    try {
      await this.loadModels();
    } catch (error) {
      this.microphone.stop('models unavailable');
      const code = error instanceof DigimensError ? error.code : 'inference-unavailable';
      this.emit('degraded', { code, reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
    const vad = this.vad!;
    const detector = new SpeechDetector((frame) => vad.probability(frame), this.options.vad);
    detector.setAvatarSpeaking(this.avatarSpeaking);
    this.detector = detector;
    this.unsubscribe.push(
      detector.on('speech-start', (event) => this.emit('speech-start', event)),
      detector.on('misfire', (event) => this.emit('misfire', event)),
      detector.on('overrun', (event) => this.emit('overrun', event)),
      detector.on('speech-end', (event) => this.onUtterance(event)),
      detector.on('pause', ({ audio, startMs, endMs }) => this.transcribeEarly(audio, startMs, endMs)),
      detector.on('resume', ({ atMs }) => {
        this.early?.abort.abort();
        this.early = null;
        this.emit('resume', { atMs });
      }),
      this.microphone.on('frame', ({ samples, atMs }) => void detector.push(samples, atMs)),
    );
    this.emit('ready', { vadBackend: vad.backend, emotionBackend: this.emotion!.backend, sampleRate: this.microphone.sampleRate ?? 0 });
    return true;
  }

  /** Tell the speech detector when the avatar speaks: its onset is strict then, so only a person talking over it counts (barge-in). */
  setAvatarSpeaking(speaking: boolean): void {
    this.avatarSpeaking = speaking;
    this.detector?.setAvatarSpeaking(speaking);
  }

  /** Stops listening (the models stay loaded for a later `start()`). */
  async stop(): Promise<void> {
    this.microphone.stop();
    this.transcriptions.abort();
    this.transcriptions = new AbortController();
    this.early = null;
    await this.detector?.flush();
    for (const off of this.unsubscribe.splice(0)) off();
    this.detector = null;
  }

  /**
   * Another person is about to speak: voice emotion stops adapting to the previous
   * speaker's voice (see {@link VoiceEmotion.resetSpeaker}). `DigitalHuman` calls it when
   * the camera has seen no face for a while, and this object does after
   * {@link VoicePerceptionOptions.speakerIdleResetMs} without speech; call it yourself where
   * you know better (a kiosk's "new visitor" button, a new call).
   */
  resetSpeaker(): void {
    this.emotion?.resetSpeaker();
    this.lastEmotionAt = null;
  }

  /** Stops and releases the models. */
  async dispose(): Promise<void> {
    await this.stop();
    await Promise.all([this.vad?.dispose(), this.emotion?.dispose()]);
    this.vad = null;
    this.emotion = null;
    this.microphone.clear();
    this.clear();
  }

  private async loadModels(): Promise<void> {
    // Relative folders are relative to the page, as in HTML.
    const absolute = (url: string) => new URL(url, location.href).href;
    const baseUrl = absolute(this.options.modelBaseUrl);
    const wasmPaths = this.options.wasmPaths && absolute(this.options.wasmPaths);
    const progress = (file: string) => (loaded: number, total: number | undefined) => this.emit('progress', { file, loaded, total });
    [this.vad, this.emotion] = await Promise.all([
      this.vad ?? SileroVad.load({ baseUrl, ...(wasmPaths ? { wasmPaths } : {}), onProgress: progress('silero_vad_v5.onnx') }),
      this.emotion ??
        VoiceEmotion.load({
          baseUrl,
          ...(wasmPaths ? { wasmPaths } : {}),
          ...(this.options.emotionModel ? { model: this.options.emotionModel } : {}),
          onProgress: progress(this.options.emotionModel?.file ?? 'voice-emotion.onnx'),
        }),
    ]);
    // The first run of a session is slow (WASM kernels, JIT); pay it now, not after the first utterance.
    await this.emotion.predict(new Float32Array(VOICE_FEATURE_COUNT));
  }

  private onUtterance({ audio, ...utterance }: SpeechEndEvent): void {
    this.emit('speech-end', utterance);
    this.transcribe(audio, utterance);
    const emotion = this.emotion;
    if (!emotion || utterance.durationMs < (this.options.minEmotionMs ?? 500)) return;
    const now = performance.now();
    if (this.lastEmotionAt !== null && now - this.lastEmotionAt > (this.options.speakerIdleResetMs ?? 120_000)) emotion.resetSpeaker();
    this.lastEmotionAt = now;
    // Its feature extraction holds the main thread for tens of ms: let the transcript (ready
    // at once when begun at a pause) and the answer it starts go first.
    setTimeout(() => {
      emotion.classify(audio).then(
        (estimate) => this.emit('emotion', { ...estimate, startMs: utterance.startMs, endMs: utterance.endMs }),
        (error: unknown) => this.emit('degraded', { code: 'inference-unavailable', reason: `voice emotion failed: ${error instanceof Error ? error.message : String(error)}` }),
      );
    }, 0);
  }

  /** At a pause: transcribes the utterance so far, in case it is all of it. */
  private transcribeEarly(audio: Float32Array, startMs: number, endMs: number): void {
    const transcription = this.options.transcription;
    if (!transcription?.early) return;
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.transcriptions.signal]);
    const early = { abort, text: transcription.transcriber.transcribe(audio, VOICE_SAMPLE_RATE, { lang: transcription.lang(), signal }) };
    this.early = early;
    early.text.then(
      (text) => {
        if (this.early === early && !signal.aborted) this.emit('early-transcript', { text, startMs, endMs });
      },
      () => {}, // reported, if it matters, when the utterance ends
    );
  }

  /** Hands the utterance to the configured transcriber (and nowhere else), or takes the early transcription of the same audio. */
  private transcribe(audio: Float32Array, { startMs, endMs }: { startMs: number; endMs: number }): void {
    const transcription = this.options.transcription;
    if (!transcription) return;
    const signal = this.transcriptions.signal;
    const started = performance.now();
    const early = this.early;
    this.early = null;
    const transcribing = early ? early.text : transcription.transcriber.transcribe(audio, VOICE_SAMPLE_RATE, { lang: transcription.lang(), signal });
    transcribing.then(
      (text) => this.emit('transcript', { text, startMs, endMs, transcribeMs: performance.now() - started }),
      (error: unknown) => {
        if (!signal.aborted) this.emit('transcription-failed', { reason: error instanceof Error ? error.message : String(error), startMs, endMs });
      },
    );
  }
}
