/**
 * Lip-sync: text → phonemes → visemes on the TTS's timing, or visemes from the audio
 * itself, played against the audio clock.
 * @packageDocumentation
 */
export { loadG2P, type G2P, type G2POptions, type LipSyncLanguage } from './g2p';
export { CMUDICT_ASSET, parseCmuDict } from './cmudict';
export { EnglishG2P, arpabetToPhones, type ArpabetDictionary } from './g2p-en';
export { DutchG2P } from './g2p-nl';
export { PHONEMES, type Phone, type PhonemeInfo } from './phonemes';
export { LIP_VISEMES, VISEME_CLASSES, VISEME_CLASS, VISEME_SHAPES, type LipViseme, type VisemeClass } from './visemes';
export {
  buildTimeline,
  parseIpa,
  type LipTimeline,
  type LipSegment,
  type SpeechTiming,
  type TimedWord,
  type TimedPhoneme,
} from './timeline';
export { visemeWeightsAt } from './coarticulation';
export { LipSyncScheduler, type LipSyncSchedulerOptions, type VisemeTarget } from './scheduler';
export { AudioVisemeAnalyzer, type AudioVisemeModel, type AudioVisemeFrame } from './audio-visemes';
export { AudioLipSync } from './audio-lipsync';
