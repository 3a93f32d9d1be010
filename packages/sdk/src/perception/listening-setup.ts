import type { Language } from '../config';
import type { AnticipatedTurn, Conversation } from '../dialogue/conversation';
import type { DigimensErrorCode } from '../errors';
import type { SpeechToText } from '../speech/stt/speech-to-text';
import type { AffectFusion, AffectState } from './affect-fusion';
import { VoicePerception, type VoicePerceptionEvents } from './voice-perception';

/** How the person's speech became (or did not become) text. No audio, only words and reasons. */
export type TranscriptionEvent =
  /** A transcript, handed to the conversation as the person's turn. */
  | { status: 'transcript'; text: string; provider: 'openai' | 'web-speech'; transcribeMs: number | null }
  /** One utterance could not be transcribed; the next one is tried again. */
  | { status: 'failed'; reason: string }
  /** Said once: speech is heard (turn-taking, barge-in, voice emotion work) but not turned into text; type instead. */
  | { status: 'unavailable'; reason: string };

/** Where the microphone side reports to. */
export interface ListeningSinks {
  /** The conversation to drive (barge-in, turn-taking, transcripts, affect), if there is one. */
  conversation: Conversation | null;
  /** The affect fusion shared with the camera side, so one state carries both sources. */
  fusion: AffectFusion;
  /** Language transcripts are asked in (it can change mid-session). */
  lang(): Language;
  /** The fused affect state, after every new estimate. */
  onAffect(affect: AffectState): void;
  /** Listening is impossible; the avatar keeps running with the text box. */
  onDegraded(code: DigimensErrorCode, reason: string): void;
  onTranscription(event: TranscriptionEvent): void;
  /** The VAD heard the person start or stop (times only). */
  onSpeech(event: { type: 'speech-start'; detail: VoicePerceptionEvents['speech-start'] } | { type: 'speech-end'; detail: VoicePerceptionEvents['speech-end'] }): void;
}

/** The running microphone side, and how to release it. */
export interface ListeningSetup {
  voice: VoicePerception;
  fusion: AffectFusion;
  dispose(): void;
}

/**
 * Starts listening: the VAD drives turn-taking (the person starts talking → the avatar
 * stops and listens), the avatar's own speech puts the VAD in its strict mode, voice
 * emotion feeds the affect fusion, and speech becomes the person's turn through `stt`.
 * With `earlyReply`, the answer starts at a pause and is said at once if the pause
 * turns out to end the turn (dropped unseen if the person goes on).
 * Audio leaves the device only through a transcriber that config chose (`stt="openai"`).
 */
export function setUpListening(
  assets: { modelBaseUrl: string; wasmPaths: string },
  sinks: ListeningSinks,
  stt: SpeechToText,
  options: { earlyReply: boolean },
): ListeningSetup {
  const voice = new VoicePerception({
    ...assets,
    ...(stt.kind === 'segments' ? { transcription: { transcriber: stt.transcriber, lang: sinks.lang, early: options.earlyReply } } : {}),
  });
  const { conversation, fusion } = sinks;
  /** Why speech is not transcribed, once known; reported at the first utterance that goes untranscribed. */
  let untranscribed: string | null = stt.kind === 'none' ? stt.reason : null;
  let toldUntranscribed = false;
  /** The answer started at a pause (`earlyReply`), waiting to learn whether the turn was over. */
  let anticipated: AnticipatedTurn | null = null;
  const dropAnticipated = () => {
    anticipated?.discard();
    anticipated = null;
  };
  const hand = (text: string, provider: 'openai' | 'web-speech', transcribeMs: number | null) => {
    sinks.onTranscription({ status: 'transcript', text, provider, transcribeMs });
    const early = anticipated;
    anticipated = null;
    // The same words as at the pause: the answer is (being) prepared already.
    if (early && early.text === text.trim() && early.commit()) return;
    early?.discard();
    // Nothing intelligible (a cough the VAD took for speech): back to waiting.
    if (text.trim()) conversation?.submitText(text);
    else if (conversation?.state === 'listening') conversation.stop();
  };
  const unsubscribe = [
    voice.on('degraded', ({ code, reason }) => sinks.onDegraded(code, reason)),
    voice.on('emotion', (estimate) => {
      const affect = fusion.updateVoice(estimate, performance.now());
      conversation?.setAffect(affect);
      sinks.onAffect(affect);
    }),
    voice.on('speech-start', (detail) => {
      dropAnticipated();
      sinks.onSpeech({ type: 'speech-start', detail });
    }),
    voice.on('early-transcript', ({ text }) => {
      dropAnticipated();
      anticipated = conversation?.anticipate(text) ?? null;
    }),
    voice.on('resume', dropAnticipated),
    voice.on('speech-end', (detail) => {
      sinks.onSpeech({ type: 'speech-end', detail });
      if (untranscribed === null) return;
      if (!toldUntranscribed) {
        toldUntranscribed = true;
        sinks.onTranscription({ status: 'unavailable', reason: `Speech is heard but not transcribed: ${untranscribed}. Type your question instead.` });
      }
      // No transcript will come: stop waiting for one.
      if (conversation?.state === 'listening') conversation.stop();
    }),
    voice.on('transcript', ({ text, transcribeMs }) => hand(text, 'openai', transcribeMs)),
    voice.on('transcription-failed', ({ reason }) => {
      dropAnticipated();
      sinks.onTranscription({ status: 'failed', reason });
      if (conversation?.state === 'listening') conversation.stop();
    }),
  ];
  if (conversation) {
    unsubscribe.push(
      voice.on('speech-start', () => conversation.userStartedSpeaking()),
      voice.on('speech-end', () => conversation.userStoppedSpeaking()),
      conversation.on('state', ({ state }) => voice.setAvatarSpeaking(state === 'speaking')),
    );
  }
  if (stt.kind === 'live') {
    const { recognizer } = stt;
    unsubscribe.push(
      recognizer.on('unavailable', ({ reason }) => (untranscribed = reason)),
      // While the avatar speaks, its own voice may be recognised; a barge-in moves the conversation to listening first.
      recognizer.on('result', ({ text, final }) => {
        if (final && conversation?.state !== 'speaking') hand(text, 'web-speech', null);
      }),
      () => recognizer.stop(),
    );
    recognizer.start(sinks.lang());
  }
  void voice.start();
  return {
    voice,
    fusion,
    dispose() {
      for (const off of unsubscribe) off();
      void voice.dispose();
    },
  };
}
