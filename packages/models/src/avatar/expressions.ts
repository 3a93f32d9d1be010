import { REST_CONTROLS, type FaceControls } from './face/face-rig.js';

/** VRM 1.0 preset expressions this avatar provides as morph targets. */
export const EXPRESSION_NAMES = [
  'happy',
  'angry',
  'sad',
  'relaxed',
  'surprised',
  'neutral',
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'blink',
  'blinkLeft',
  'blinkRight',
] as const;
export type ExpressionName = (typeof EXPRESSION_NAMES)[number];

type Override = 'none' | 'block' | 'blend';

export interface ExpressionDefinition {
  controls: Partial<FaceControls>;
  overrideBlink: Override;
  overrideMouth: Override;
  overrideLookAt: Override;
}

const mood = (controls: Partial<FaceControls>, overrideBlink: Override = 'none'): ExpressionDefinition => ({
  controls,
  overrideBlink,
  // Moods shape brows, lids, cheeks and mouth corners but barely part the lips, so they can
  // sit under speech: the SDK mixes visemes on top instead of VRM muting them.
  overrideMouth: 'none',
  overrideLookAt: 'none',
});
const shape = (controls: Partial<FaceControls>): ExpressionDefinition => ({
  controls,
  overrideBlink: 'none',
  overrideMouth: 'none',
  overrideLookAt: 'none',
});

/**
 * Each expression as a setting of the face rig's controls. Visemes differ in jaw opening,
 * width and rounding so each mouth shape reads on its own.
 */
export const EXPRESSIONS: Record<ExpressionName, ExpressionDefinition> = {
  // Happy lids already narrow the eyes; a full blink on top would over-close them.
  happy: mood({ smile: 1, cheekRaise: 1, lowerLidRaise: 0.75, blinkLeft: 0.22, blinkRight: 0.22, browOuterUp: 0.25, browInnerUp: 0.15 }, 'blend'),
  angry: mood({ browDown: 1, browSqueeze: 1, smile: -0.45, lowerLidRaise: 0.35, mouthWide: -0.1, blinkLeft: 0.1, blinkRight: 0.1 }),
  sad: mood({ browInnerUp: 1, browOuterUp: -0.45, browSqueeze: 0.35, smile: -0.75, blinkLeft: 0.28, blinkRight: 0.28 }),
  relaxed: mood({ smile: 0.45, cheekRaise: 0.35, blinkLeft: 0.38, blinkRight: 0.38, browInnerUp: 0.1 }, 'blend'),
  surprised: mood({ eyeWide: 1, browInnerUp: 1, browOuterUp: 1, jawOpen: 0.14, lipPart: 0.25, pucker: 0.25 }, 'blend'),
  // The resting face with the faintest softening of the mouth: a calm, attentive neutral.
  neutral: mood({ smile: 0.08 }),
  aa: shape({ jawOpen: 1, lipPart: 0.35, mouthWide: 0.05 }),
  ih: shape({ jawOpen: 0.28, lipPart: 0.7, mouthWide: 0.45, smile: 0.1 }),
  ou: shape({ jawOpen: 0.25, lipPart: 0.45, pucker: 1, mouthWide: -0.85 }),
  ee: shape({ jawOpen: 0.12, lipPart: 0.85, mouthWide: 1, smile: 0.25 }),
  oh: shape({ jawOpen: 0.65, lipPart: 0.4, pucker: 0.55, mouthWide: -0.5 }),
  blink: shape({ blinkLeft: 1, blinkRight: 1 }),
  blinkLeft: shape({ blinkLeft: 1 }),
  blinkRight: shape({ blinkRight: 1 }),
};

/** The full control set of an expression (unspecified controls at rest). */
export function controlsOf(name: ExpressionName): FaceControls {
  return { ...REST_CONTROLS, ...EXPRESSIONS[name].controls };
}
