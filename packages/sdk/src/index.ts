/**
 * Digimens: an embeddable digital human for the browser.
 *
 * The only import path users need. For a plain `<script>` tag, use the IIFE build
 * (`dist/digimens.iife.js`), which registers `<digital-human>` and exposes `window.Digimens`.
 * @packageDocumentation
 */
export { DigitalHuman, type DigitalHumanEventMap, type Point3 } from './digital-human';
export { DigitalHumanElement, defineDigitalHumanElement, type DigitalHumanElementEventMap } from './element';
export {
  resolveConfig,
  DEFAULT_CONFIG,
  ConfigError,
  VIEWS,
  LANGUAGES,
  type DigitalHumanConfig,
  type ConfigIssue,
  type View,
  type Language,
  type SttKind,
} from './config';
export { DigimensError, type DigimensErrorCode } from './errors';
export type {
  DigitalHumanEvents,
  LifecycleState,
  ReadyEvent,
  ErrorEvent,
  StateEvent,
  ProgressEvent,
  ViewEvent,
} from './events';
export type { FrameTiming } from './avatar/stage';
export { MOODS, VISEMES, type Mood, type Viseme, type VisemeWeights } from './avatar/expression-mixer';
export { DEFAULT_AVATAR_PRESET } from './assets';

/** Version of this SDK build. */
export const VERSION: string = __DIGIMENS_VERSION__;
export * from './lipsync';
export { FacePerception, DEFAULT_FACE_PERCEPTION, type FacePerceptionOptions, type FacePerceptionEvents, type FaceAnalysis } from './perception/face-perception';
export { attachFacePerception, type GazeFollower } from './perception/face-attach';
export { Camera, type CameraOptions, type CameraPermission } from './perception/camera';
export { EMOTIONS, type Emotion, type EmotionProbabilities, type FaceEmotionEstimate, type Blendshapes } from './perception/face-affect';
export type { FaceObservation } from './perception/face-tracker';
export type { FaceBox, HeadPose, Landmark } from './perception/face-geometry';
export type { GazePoint } from './perception/face-gaze';
export type { EmotionModelName } from './perception/face-emotion-models';
export { MODEL_MANIFEST } from './models/manifest';
export type { ModelEntry } from './models/model-entry';
export { APPEARANCE_ROLES, APPEARANCE_TRANSITION_S, type Appearance, type AppearanceRole } from './avatar/appearance';
export * from './dialogue';
export * from './speech';
export { attachCaptions, type CaptionSource, type CaptionOptions } from './kiosk/captions';
export { VoicePerception, type VoicePerceptionOptions, type VoicePerceptionEvents } from './perception/voice-perception';
export type { TranscriptionEvent } from './perception/listening-setup';
export { Microphone, DEFAULT_MICROPHONE, type MicrophoneOptions, type MicrophoneEvents } from './perception/microphone';
export {
  SpeechDetector,
  DEFAULT_SPEECH_DETECTOR,
  type SpeechDetectorOptions,
  type SpeechDetectorEvents,
  type SpeechScorer,
  type SpeechStartEvent,
  type SpeechEndEvent,
  type SpeechPauseEvent,
  type MisfireEvent,
  type VadFrameEvent,
} from './perception/vad';
export { SileroVad, VAD_FRAME_SAMPLES } from './perception/vad-silero';
export { VoiceEmotion, type VoiceEmotionEstimate, type VoiceEmotionLoadOptions, type VoiceEmotionSessionOptions } from './perception/voice-emotion';
export { VOICE_EMOTION_LABELS, VOICE_EMOTION_CIRCUMPLEX, type VoiceEmotionLabel } from './perception/voice-emotion-labels';
export { VoiceFeatureExtractor, VOICE_FEATURE_NAMES, VOICE_FEATURE_COUNT, VOICE_SAMPLE_RATE } from './perception/voice-features';
export { AffectFusion, DEFAULT_AFFECT_FUSION, type AffectFusionOptions, type AffectFusionEvents, type AffectSourceEstimate, type AffectSource, type AffectState } from './perception/affect-fusion';
