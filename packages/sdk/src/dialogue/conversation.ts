import type { Language } from '../config';
import type { Point3 } from '../digital-human';
import type { TtsProvider } from '../speech/tts/tts-provider';
import { TypedEmitter, type Listener } from '../util/emitter';
import { BrainError, type AffectSnapshot, type Brain, type BrainChunk, type BrainErrorKind, type DialogueTurn, type ExpressionCue } from './brain';
import { HandoverMonitor, type HandoverEvent, type HandoverMonitorOptions } from './handover';
import { DEFAULT_PHRASES, type ConversationPhrases } from './phrases';
import { SentenceSplitter } from './sentence-splitter';
import type { FaceSink, LipSyncSink } from './sinks';
import { SpeechQueue, type QueuedSentence } from './speech-queue';

/**
 * Where the conversation is:
 * `idle` (waiting) → `listening` (the person speaks) → `thinking` (the brain works; gaze
 * averted, maybe a filler) → `speaking` (sentences play while the rest streams) → `idle`.
 */
export type ConversationState = 'idle' | 'listening' | 'thinking' | 'speaking';

/** Events of a {@link Conversation}. */
export interface ConversationEvents {
  state: { state: ConversationState; previous: ConversationState };
  /** A line to show in captions, when it starts to be said (avatar) or is submitted (user). */
  caption: { speaker: 'user' | 'avatar'; text: string };
  /** Thinking started (`filler: null`) or a filler is being said. */
  thinking: { filler: string | null };
  /** An expression the reply asks for; the face sink has already been told. */
  cue: ExpressionCue;
  /** A human should take over: the host page calls a colleague. */
  handover: HandoverEvent;
  /** The brain finished streaming (`complete`) or failed part-way; speech may still be playing. */
  replied: { text: string; complete: boolean };
  /** Something failed; the conversation apologises (and retries, if `willRetry`) by itself. */
  error: { kind: BrainErrorKind | 'tts' | 'silent'; message: string; willRetry: boolean };
  /** Barge-in: the person started talking over the avatar, which stopped. */
  interrupted: Record<string, never>;
}

/** Options of a {@link Conversation}. */
export interface ConversationOptions {
  brain: Brain;
  tts: TtsProvider;
  lang: Language;
  /** Mouth; e.g. a {@link TtsLipSync} on a DigitalHuman. */
  lipSync?: LipSyncSink;
  /** Moods and gaze; a DigitalHuman fits. */
  face?: FaceSink;
  /** Milliseconds without any reply chunk before the brain counts as timed out. Default 15 000. */
  replyTimeoutMs?: number;
  /** Automatic retries (after an apology) when a reply fails before anything was said. Default 1. */
  retries?: number;
  /** Milliseconds of thinking before a short filler is said; `null`: never. Default 1500. */
  fillerAfterMs?: number | null;
  /** Milliseconds without progress while thinking or speaking before the watchdog steps in. Default 45 000. */
  watchdogMs?: number;
  /** Milliseconds to wait for a transcript after the person stopped speaking. Default 10 000. */
  transcriptTimeoutMs?: number;
  /** Longest wait for one sentence's audio. Default 10 000. */
  ttsTimeoutMs?: number;
  /** Where the eyes go while thinking (looking away while thinking is what people do). */
  thinkingGaze?: Point3;
  phrases?: Partial<Record<Language, Partial<ConversationPhrases>>>;
  handover?: HandoverMonitorOptions;
  /** Random source for filler choice (tests pin it). */
  random?: () => number;
}

/** A reply started before the person's turn was known to be over (see {@link Conversation.anticipate}). */
export interface AnticipatedTurn {
  /** The text it answers. */
  readonly text: string;
  /** The turn is over: the reply goes ahead as if the text had been submitted now. False if it was already superseded. */
  commit(): boolean;
  /** The person went on: the reply is dropped without a trace (no caption, no history, nothing said). */
  discard(): void;
}

/** How a turn that waits for its commit holds back. */
interface Held {
  text: string;
  committed: Promise<void>;
}

const DEFAULT_THINKING_GAZE: Point3 = { x: 0.45, y: 1.85, z: 1.2 };

/**
 * Turn-taking between the person and the avatar. Feed it what the person says
 * ({@link submitText}: from speech recognition or the text box) and when they start and
 * stop talking ({@link userStartedSpeaking}, from the VAD); it asks the brain, speaks the
 * answer sentence by sentence while the rest streams, drives mouth, moods and gaze, stops
 * within a frame when the person talks over it, and turns every failure into a spoken
 * apology and a state from which the next question works. It never stays stuck: a
 * watchdog returns it to `idle`.
 *
 * ```ts
 * const conversation = new Conversation({ brain: new ScriptedBrain(), tts, lang: 'nl',
 *   face: human, lipSync: new TtsLipSync(human, () => tts.now(), () => 'nl') });
 * conversation.on('caption', ({ speaker, text }) => captions.show(speaker, text));
 * conversation.submitText('Ik ben verhuisd, hoe geef ik dat door?');
 * ```
 */
export class Conversation {
  private readonly emitter = new TypedEmitter<ConversationEvents>();
  private readonly handover: HandoverMonitor;
  private readonly history: DialogueTurn[] = [];
  private stateValue: ConversationState = 'idle';
  private langValue: Language;
  private affect: AffectSnapshot | null = null;
  private turnId = 0;
  private turnAbort: AbortController | null = null;
  private lastActivity = performance.now();
  private lastUserText: string | null = null;
  private readonly watchdog: ReturnType<typeof setInterval>;

  constructor(private readonly options: ConversationOptions) {
    this.langValue = options.lang;
    this.handover = new HandoverMonitor(options.handover);
    this.watchdog = setInterval(() => this.checkWatchdog(), 1000);
  }

  get state(): ConversationState {
    return this.stateValue;
  }

  /** Conversation language; changing it applies from the next turn. */
  get lang(): Language {
    return this.langValue;
  }

  set lang(lang: Language) {
    this.langValue = lang;
  }

  /** Turns so far, oldest first. */
  get turns(): readonly DialogueTurn[] {
    return this.history;
  }

  on<K extends keyof ConversationEvents>(type: K, listener: Listener<ConversationEvents[K]>): () => void {
    return this.emitter.on(type, listener);
  }

  off<K extends keyof ConversationEvents>(type: K, listener: Listener<ConversationEvents[K]>): void {
    this.emitter.off(type, listener);
  }

  /** The person said or typed `text`: answer it (stopping any answer in progress). */
  submitText(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.cancelTurn();
    this.acceptUserText(trimmed);
    void this.runTurn(this.options.retries ?? 1);
  }

  /**
   * Starts answering `text` while the person may still be talking (they paused): the brain
   * streams and the first sentences' audio is prepared, but nothing is said, captioned or
   * kept in history, and the state stays as it is, until {@link AnticipatedTurn.commit}.
   * Then the answer starts without the brain's and the voice's latency. Returns null for
   * empty text.
   */
  anticipate(text: string): AnticipatedTurn | null {
    const trimmed = text.trim();
    if (!trimmed) return null;
    this.cancelTurn();
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    void this.runTurn(this.options.retries ?? 1, { text: trimmed, committed });
    const id = this.turnId; // runTurn took its id synchronously
    return {
      text: trimmed,
      commit: () => {
        if (id !== this.turnId) return false;
        this.acceptUserText(trimmed);
        commit();
        return true;
      },
      discard: () => {
        if (id === this.turnId) this.cancelTurn();
      },
    };
  }

  /** Asks the last question again (after an apology). Returns false if there is none. */
  retry(): boolean {
    if (!this.lastUserText) return false;
    this.cancelTurn();
    void this.runTurn(this.options.retries ?? 1);
    return true;
  }

  /**
   * The VAD heard the person start talking. Over the avatar, this is barge-in: the brain,
   * the audio and the mouth stop at once (synchronously) and the avatar listens.
   */
  userStartedSpeaking(): void {
    if (this.stateValue === 'thinking' || this.stateValue === 'speaking') {
      this.cancelTurn();
      this.emitter.emit('interrupted', {});
    }
    this.options.face?.lookAt(null);
    this.setState('listening');
  }

  /** The VAD heard the person stop; a transcript should follow via {@link submitText}. */
  userStoppedSpeaking(): void {
    if (this.stateValue === 'listening') this.touch();
  }

  /** The person's latest affect (from perception); shapes replies and may trigger a handover. */
  setAffect(affect: AffectSnapshot | null): void {
    this.affect = affect;
    const handover = this.handover.checkAffect(affect);
    if (handover) this.emitter.emit('handover', handover);
  }

  /** Stops speaking and thinking and returns to `idle`. */
  stop(): void {
    this.cancelTurn();
    this.setState('idle');
  }

  /** Stops everything and drops listeners. */
  dispose(): void {
    this.cancelTurn();
    clearInterval(this.watchdog);
    this.emitter.clear();
  }

  private acceptUserText(text: string): void {
    this.emitter.emit('caption', { speaker: 'user', text });
    const handover = this.handover.checkText(text);
    if (handover) this.emitter.emit('handover', handover);
    this.history.push({ role: 'user', text });
    this.lastUserText = text;
  }

  private async runTurn(retries: number, held?: Held): Promise<void> {
    const id = ++this.turnId;
    const turn = new AbortController();
    this.turnAbort = turn;
    /** Settles when the turn may show itself: at once, or when an anticipated turn is committed (or dropped). */
    const shown = held
      ? new Promise<void>((resolve) => {
          void held.committed.then(resolve);
          turn.signal.addEventListener('abort', () => resolve());
        })
      : Promise.resolve();
    // The brain has its own controller: a reply timeout stops the brain, not the apology.
    const brainAbort = new AbortController();
    turn.signal.addEventListener('abort', () => brainAbort.abort());
    const lang = this.langValue;
    const { face } = this.options;
    let speaking = false;
    const queue = new SpeechQueue({
      tts: this.options.tts,
      lipSync: this.options.lipSync,
      lang,
      signal: turn.signal,
      prepareTimeoutMs: this.options.ttsTimeoutMs ?? 10_000,
      hold: shown,
      hooks: {
        onStart: (sentence) => {
          this.touch();
          if (!sentence.filler && !speaking) {
            speaking = true;
            face?.lookAt(null);
            this.setState('speaking');
          }
          for (const cue of sentence.cues) {
            face?.setMood(cue.mood, cue.intensity);
            this.emitter.emit('cue', cue);
          }
          this.emitter.emit('caption', { speaker: 'avatar', text: sentence.text });
        },
        onError: (error) => this.emitter.emit('error', { kind: 'tts', message: messageOf(error), willRetry: false }),
      },
    });
    const say = (text: string, cues: ExpressionCue[] = [], filler = false) => queue.enqueue({ text, cues, filler } satisfies QueuedSentence);

    let queued = 0;
    let fillerTimer: ReturnType<typeof setTimeout> | undefined;
    const startThinking = () => {
      if (id !== this.turnId) return;
      this.setState('thinking');
      face?.lookAt(this.options.thinkingGaze ?? DEFAULT_THINKING_GAZE);
      this.emitter.emit('thinking', { filler: null });
      const fillerAfter = this.options.fillerAfterMs === undefined ? 1500 : this.options.fillerAfterMs;
      if (fillerAfter === null) return;
      fillerTimer = setTimeout(() => {
        if (queued > 0 || id !== this.turnId) return;
        const fillers = this.phrases(lang).fillers;
        const filler = fillers[Math.floor((this.options.random ?? Math.random)() * fillers.length)] ?? fillers[0];
        if (!filler) return;
        this.emitter.emit('thinking', { filler });
        say(filler, [], true);
      }, fillerAfter);
    };
    if (held) void shown.then(startThinking);
    else startThinking();

    let text = '';
    try {
      const splitter = new SentenceSplitter(lang);
      const cues: ExpressionCue[] = [];
      const history: DialogueTurn[] = held ? [...this.history, { role: 'user', text: held.text }] : [...this.history];
      const request = { history, lang, affect: this.affect };
      for await (const chunk of this.withReplyTimeout(this.options.brain.reply(request, brainAbort.signal), brainAbort)) {
        if (id !== this.turnId) return;
        this.touch();
        if (chunk.type === 'text') {
          text += chunk.text;
          for (const sentence of splitter.push(chunk.text)) {
            say(sentence, cues.splice(0));
            queued++;
          }
        } else if (chunk.type === 'cue') {
          cues.push(chunk.cue);
        } else {
          this.emitter.emit('handover', { trigger: 'brain', reason: chunk.reason });
        }
      }
      if (id !== this.turnId || turn.signal.aborted) return;
      for (const sentence of splitter.flush()) {
        say(sentence, cues.splice(0));
        queued++;
      }
      await shown;
      if (id !== this.turnId) return;
      clearTimeout(fillerTimer);
      this.emitter.emit('replied', { text: text.trim(), complete: true });
      if (text.trim()) this.history.push({ role: 'assistant', text: text.trim() });
      await queue.finished();
      if (id === this.turnId) this.finishTurn();
    } catch (error) {
      await shown;
      clearTimeout(fillerTimer);
      if (id !== this.turnId || turn.signal.aborted) return; // barge-in, a newer turn, or a dropped anticipation
      const failure = error instanceof BrainError ? error : new BrainError('network', messageOf(error), { cause: error });
      const willRetry = failure.retryable && retries > 0 && queued === 0;
      this.emitter.emit('replied', { text: text.trim(), complete: false });
      this.emitter.emit('error', { kind: failure.kind, message: failure.message, willRetry });
      // Let what was already said finish, then apologise in words the person understands.
      await queue.finished();
      if (id !== this.turnId) return;
      const phrases = this.phrases(lang);
      say(`${phrases.apology[failure.kind]} ${willRetry ? phrases.retrying : phrases.gaveUp}`, [{ mood: 'sad', intensity: 0.3 }]);
      await queue.finished();
      if (id !== this.turnId) return;
      if (willRetry) void this.runTurn(retries - 1);
      else this.finishTurn();
    }
  }

  /** The brain's stream, failing with a timeout when no chunk comes for `replyTimeoutMs`. */
  private async *withReplyTimeout(stream: AsyncIterable<BrainChunk>, abort: AbortController): AsyncIterable<BrainChunk> {
    const ms = this.options.replyTimeoutMs ?? 15_000;
    const iterator = stream[Symbol.asyncIterator]();
    while (true) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(new BrainError('timeout', `No reply for ${ms / 1000} s.`));
        }, ms);
      });
      try {
        const next = await Promise.race([iterator.next(), timeout]);
        if (next.done) return;
        yield next.value;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private finishTurn(): void {
    this.turnAbort = null;
    // The voice has finished: so has the mouth. With timings from the audio this changes
    // nothing; with estimated ones (Web Speech gives no timings) it ends a mouth that
    // would otherwise move on after the sound stopped.
    this.options.lipSync?.stop();
    this.options.face?.lookAt(null);
    this.setState('idle');
  }

  /** Stops the current turn (brain, audio, mouth) at once. */
  private cancelTurn(): void {
    this.turnId++;
    const abort = this.turnAbort;
    this.turnAbort = null;
    abort?.abort();
    // Also when no turn ran (an apology or filler of an old turn may be playing).
    this.options.tts.stop();
    this.options.lipSync?.stop();
  }

  private checkWatchdog(): void {
    const idleFor = performance.now() - this.lastActivity;
    if (this.stateValue === 'listening' && idleFor > (this.options.transcriptTimeoutMs ?? 10_000)) {
      this.setState('idle');
    } else if ((this.stateValue === 'thinking' || this.stateValue === 'speaking') && idleFor > (this.options.watchdogMs ?? 45_000)) {
      this.cancelTurn();
      this.emitter.emit('error', { kind: 'silent', message: 'No progress: the watchdog stopped the turn.', willRetry: false });
      this.emitter.emit('caption', { speaker: 'avatar', text: this.phrases(this.langValue).apology.silent });
      this.finishTurn();
    }
  }

  private phrases(lang: Language): ConversationPhrases {
    return { ...DEFAULT_PHRASES[lang], ...this.options.phrases?.[lang] };
  }

  private touch(): void {
    this.lastActivity = performance.now();
  }

  private setState(state: ConversationState): void {
    this.touch();
    if (state === this.stateValue) return;
    const previous = this.stateValue;
    this.stateValue = state;
    this.emitter.emit('state', { state, previous });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
