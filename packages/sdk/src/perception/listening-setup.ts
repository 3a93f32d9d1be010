import type { Conversation } from '../dialogue/conversation';
import type { DigimensErrorCode } from '../errors';
import type { AffectFusion, AffectState } from './affect-fusion';
import { VoicePerception } from './voice-perception';

/** Where the microphone side reports to. */
export interface ListeningSinks {
  /** The conversation to drive (barge-in, turn-taking, affect), if there is one. */
  conversation: Conversation | null;
  /** The affect fusion shared with the camera side, so one state carries both sources. */
  fusion: AffectFusion;
  /** The fused affect state, after every new estimate. */
  onAffect(affect: AffectState): void;
  /** Listening is impossible; the avatar keeps running with the text box. */
  onDegraded(code: DigimensErrorCode, reason: string): void;
}

/** The running microphone side, and how to release it. */
export interface ListeningSetup {
  voice: VoicePerception;
  fusion: AffectFusion;
  dispose(): void;
}

/**
 * Starts listening: the VAD drives turn-taking (the person starts talking → the avatar
 * stops and listens), the avatar's own speech gates the VAD, and voice emotion feeds the
 * affect fusion, which the conversation hears. Audio never leaves the device; only times
 * and numbers come out of {@link VoicePerception}.
 */
export function setUpListening(assets: { modelBaseUrl: string; wasmPaths: string }, sinks: ListeningSinks): ListeningSetup {
  const voice = new VoicePerception(assets);
  const { conversation, fusion } = sinks;
  const unsubscribe = [
    voice.on('degraded', ({ code, reason }) => sinks.onDegraded(code, reason)),
    voice.on('emotion', (estimate) => {
      const affect = fusion.updateVoice(estimate, performance.now());
      conversation?.setAffect(affect);
      sinks.onAffect(affect);
    }),
  ];
  if (conversation) {
    unsubscribe.push(
      voice.on('speech-start', () => conversation.userStartedSpeaking()),
      voice.on('speech-end', () => conversation.userStoppedSpeaking()),
      conversation.on('state', ({ state }) => voice.setAvatarSpeaking(state === 'speaking')),
    );
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
