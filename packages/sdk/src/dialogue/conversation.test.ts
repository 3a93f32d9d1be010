import { afterEach, describe, expect, it, vi } from 'vitest';
import { Conversation, type ConversationEvents, type ConversationOptions } from './conversation';
import { BrainError, type Brain, type BrainChunk, type BrainRequest } from './brain';
import type { PreparedSpeech, TtsProvider } from '../speech/tts/tts-provider';

/** A TTS whose sentences last `ms` each; records what was said and stops. */
class FakeTts implements TtsProvider {
  said: string[] = [];
  stops = 0;
  private playing = new Set<() => void>();
  constructor(private readonly ms = 20) {}
  now = () => performance.now() / 1000;
  async prepare(text: string): Promise<PreparedSpeech> {
    return {
      text,
      play: (onStart) =>
        new Promise<void>((resolve) => {
          this.said.push(text);
          onStart({ timing: { kind: 'duration', duration: this.ms }, at: this.now() });
          const done = () => {
            this.playing.delete(done);
            resolve();
          };
          this.playing.add(done);
          setTimeout(done, this.ms);
        }),
    };
  }
  stop() {
    this.stops++;
    for (const done of [...this.playing]) done();
  }
}

/** A brain that streams `pieces`, waiting on `gate` before the piece at `gateAt`. */
function scriptedBrain(pieces: BrainChunk[], options: { gate?: Promise<void>; gateAt?: number; fail?: BrainError } = {}): Brain & { requests: BrainRequest[]; signals: AbortSignal[] } {
  const requests: BrainRequest[] = [];
  const signals: AbortSignal[] = [];
  return {
    requests,
    signals,
    async *reply(request, signal) {
      requests.push(request);
      signals.push(signal);
      for (const [i, piece] of pieces.entries()) {
        if (i === options.gateAt) await options.gate;
        if (signal.aborted) return;
        yield piece;
      }
      if (options.fail) throw options.fail;
    },
  };
}

const text = (t: string): BrainChunk => ({ type: 'text', text: t });

function record(conversation: Conversation) {
  const log: Array<[keyof ConversationEvents, unknown]> = [];
  for (const type of ['state', 'caption', 'thinking', 'cue', 'handover', 'replied', 'error', 'interrupted'] as const) {
    conversation.on(type, (payload) => log.push([type, payload]));
  }
  return {
    log,
    states: () => log.filter(([t]) => t === 'state').map(([, p]) => (p as { state: string }).state),
    captions: () => log.filter(([t]) => t === 'caption').map(([, p]) => (p as { text: string }).text),
  };
}

const until = (predicate: () => boolean) => vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 2000, interval: 5 });

let conversation: Conversation | undefined;
afterEach(() => conversation?.dispose());

function make(options: Partial<ConversationOptions> & Pick<ConversationOptions, 'brain' | 'tts'>) {
  const face = { setMood: vi.fn(), lookAt: vi.fn() };
  const lipSync = { speak: vi.fn(), stop: vi.fn() };
  conversation = new Conversation({ lang: 'en', face, lipSync, fillerAfterMs: null, ...options });
  return { conversation, face, lipSync, events: record(conversation) };
}

describe('Conversation', () => {
  it('speaks the first sentence while the rest still streams, with cues and lip-sync', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const brain = scriptedBrain([{ type: 'cue', cue: { mood: 'happy', intensity: 0.5 } }, text('Hello there. '), text('How can '), text('I help?')], { gate, gateAt: 2 });
    const tts = new FakeTts();
    const { conversation, face, lipSync, events } = make({ brain, tts });
    conversation.submitText('Hi');
    await until(() => tts.said.length === 1);
    expect(tts.said).toEqual(['Hello there.']);
    expect(conversation.state).toBe('speaking');
    expect(events.log.some(([t]) => t === 'replied')).toBe(false); // the stream is still open
    expect(face.setMood).toHaveBeenCalledWith('happy', 0.5);
    expect(lipSync.speak).toHaveBeenCalledWith('Hello there.', { kind: 'duration', duration: 20 }, expect.any(Number));
    open();
    await until(() => conversation.state === 'idle');
    expect(tts.said).toEqual(['Hello there.', 'How can I help?']);
    expect(events.states()).toEqual(['thinking', 'speaking', 'idle']);
    expect(events.captions()).toEqual(['Hi', 'Hello there.', 'How can I help?']);
    expect(conversation.turns).toEqual([
      { role: 'user', text: 'Hi' },
      { role: 'assistant', text: 'Hello there. How can I help?' },
    ]);
  });

  describe('anticipate (an answer started while the person pauses)', () => {
    it('prepares the answer with the question in the request, but says, shows and keeps nothing until committed', async () => {
      const brain = scriptedBrain([text('We open at nine. '), text('See you then.')]);
      const tts = new FakeTts();
      const { conversation, events } = make({ brain, tts });
      conversation.userStartedSpeaking();
      const anticipated = conversation.anticipate('When do you open?')!;
      await until(() => events.log.length > 0 && brain.requests.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(brain.requests[0]!.history).toEqual([{ role: 'user', text: 'When do you open?' }]);
      expect(tts.said).toEqual([]);
      expect(events.captions()).toEqual([]);
      expect(conversation.turns).toEqual([]);
      expect(conversation.state).toBe('listening');

      expect(anticipated.commit()).toBe(true);
      await until(() => conversation.state === 'idle');
      expect(tts.said).toEqual(['We open at nine.', 'See you then.']);
      expect(events.captions()).toEqual(['When do you open?', 'We open at nine.', 'See you then.']);
      expect(events.states()).toEqual(['listening', 'thinking', 'speaking', 'idle']);
      expect(conversation.turns.map((t) => t.role)).toEqual(['user', 'assistant']);
    });

    it('discarded (the person went on): no trace, and the brain is stopped', async () => {
      let open!: () => void;
      const brain = scriptedBrain([text('We open '), text('at nine.')], { gate: new Promise<void>((resolve) => (open = resolve)), gateAt: 1 });
      const tts = new FakeTts();
      const { conversation, events } = make({ brain, tts });
      conversation.userStartedSpeaking();
      const anticipated = conversation.anticipate('When do you')!;
      await until(() => brain.requests.length === 1);
      anticipated.discard();
      expect(brain.signals[0]!.aborted).toBe(true);
      open();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(anticipated.commit()).toBe(false);
      expect(tts.said).toEqual([]);
      expect(events.captions()).toEqual([]);
      expect(events.log.filter(([t]) => t !== 'state')).toEqual([]);
      expect(conversation.turns).toEqual([]);
      expect(conversation.state).toBe('listening');
    });
  });

  it('averts the gaze while thinking and says a filler when the answer is slow', async () => {
    const brain = scriptedBrain([text('Here it is.')], { gate: new Promise((r) => setTimeout(r, 80)), gateAt: 0 });
    const tts = new FakeTts(5);
    const { conversation, face, events } = make({ brain, tts, fillerAfterMs: 20, random: () => 0 });
    conversation.submitText('Question');
    expect(face.lookAt).toHaveBeenLastCalledWith(expect.objectContaining({ y: expect.any(Number) }));
    await until(() => conversation.state === 'idle');
    expect(tts.said).toEqual(['Let me see.', 'Here it is.']);
    expect(events.log.filter(([t]) => t === 'thinking').map(([, p]) => p)).toEqual([{ filler: null }, { filler: 'Let me see.' }]);
    expect(face.lookAt).toHaveBeenLastCalledWith(null);
  });

  it('barge-in stops brain, audio and mouth at once and listens', async () => {
    const brain = scriptedBrain([text('One two three. '), text('Four five six.')], { gate: new Promise(() => {}), gateAt: 1 });
    const tts = new FakeTts(1000);
    const { conversation, lipSync, events } = make({ brain, tts });
    conversation.submitText('Talk');
    await until(() => conversation.state === 'speaking');
    const stopsBefore = tts.stops;
    conversation.userStartedSpeaking();
    // Synchronous: nothing waits for a timer or the next frame.
    expect(conversation.state).toBe('listening');
    expect(tts.stops).toBeGreaterThan(stopsBefore);
    expect(lipSync.stop).toHaveBeenCalled();
    expect(brain.signals[0]?.aborted).toBe(true);
    expect(events.log.some(([t]) => t === 'interrupted')).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(tts.said).toEqual(['One two three.']);
  });

  it('apologises, retries once, apologises again, and recovers for the next question', async () => {
    let calls = 0;
    const brain: Brain = {
      async *reply() {
        calls++;
        if (calls <= 2) throw new BrainError('server', 'HTTP 503');
        yield text('Working again.');
      },
    };
    const tts = new FakeTts(5);
    const { conversation, events } = make({ brain, tts });
    conversation.submitText('Hello?');
    await until(() => conversation.state === 'idle' && calls === 2);
    expect(tts.said).toEqual(['Sorry, something went wrong. Let me try again.', 'Sorry, something went wrong. Could you ask me again in a moment? Or shall I get a colleague?']);
    expect(events.log.filter(([t]) => t === 'error').map(([, p]) => p)).toEqual([
      { kind: 'server', message: 'HTTP 503', willRetry: true },
      { kind: 'server', message: 'HTTP 503', willRetry: false },
    ]);
    expect(conversation.retry()).toBe(true);
    await until(() => tts.said.at(-1) === 'Working again.' && conversation.state === 'idle');
  });

  it('a reply that stalls times out into a spoken apology; a cut reply finishes its sentence first', async () => {
    const stalled = scriptedBrain([text('Never')], { gate: new Promise(() => {}), gateAt: 0 });
    const tts = new FakeTts(5);
    const { conversation } = make({ brain: stalled, tts, replyTimeoutMs: 30, retries: 0 });
    conversation.submitText('Hi');
    await until(() => conversation.state === 'idle' && tts.said.length === 1);
    expect(tts.said[0]).toMatch(/^Sorry, that is taking too long\./);
    expect(stalled.signals[0]?.aborted).toBe(true);

    conversation.dispose();
    const cut = scriptedBrain([text('First part. '), text('Second')], { fail: new BrainError('cut', 'stream cut') });
    const tts2 = new FakeTts(5);
    const second = make({ brain: cut, tts: tts2 }).conversation;
    second.submitText('Hi');
    await until(() => second.state === 'idle' && tts2.said.length === 2);
    // Something was said already: apologise, no automatic retry that would repeat it.
    expect(tts2.said).toEqual(['First part.', 'Sorry, I lost my train of thought. Could you ask me again in a moment? Or shall I get a colleague?']);
  });

  it('raises handover for the brain tool, an explicit request and sustained negative affect', async () => {
    let now = 0;
    const brain = scriptedBrain([text('I will get a colleague.'), { type: 'handover', reason: 'medical question' }]);
    const { conversation, events } = make({ brain, tts: new FakeTts(1), handover: { sustainedNegativeS: 5, now: () => now } });
    conversation.submitText('I want to speak to a human');
    await until(() => conversation.state === 'idle');
    const upset = { label: 'angry', valence: -0.7, arousal: 0.8, confidence: 0.8 };
    conversation.setAffect(upset);
    now = 6000;
    conversation.setAffect(upset);
    expect(events.log.filter(([t]) => t === 'handover').map(([, p]) => (p as { trigger: string }).trigger)).toEqual(['request', 'brain', 'affect']);
    expect(brain.requests[0]?.affect).toBeNull();
  });

  it('keeps speaking in captions when the TTS fails, and the watchdog frees a stuck turn', async () => {
    const failing: TtsProvider = { now: () => 0, prepare: () => Promise.reject(new Error('no voice')), stop: () => {} };
    const { conversation, events } = make({ brain: scriptedBrain([text('Only captions.')]), tts: failing });
    conversation.submitText('Hi');
    await until(() => conversation.state === 'idle');
    expect(events.captions()).toContain('Only captions.');
    expect(events.log.some(([t, p]) => t === 'error' && (p as { kind: string }).kind === 'tts')).toBe(true);

    vi.useFakeTimers();
    try {
      const stuck = make({ brain: scriptedBrain([text('x')], { gate: new Promise(() => {}), gateAt: 0 }), tts: new FakeTts(), replyTimeoutMs: 1e9, watchdogMs: 3000 });
      stuck.conversation.submitText('Hi');
      expect(stuck.conversation.state).toBe('thinking');
      await vi.advanceTimersByTimeAsync(5000);
      expect(stuck.conversation.state).toBe('idle');
    } finally {
      vi.useRealTimers();
    }
  });
});
