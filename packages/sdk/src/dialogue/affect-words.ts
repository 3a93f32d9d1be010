import type { Language } from '../config';
import type { AffectSnapshot } from './brain';

/** Below this confidence perception's guess is not worth acting on. */
export const AFFECT_CONFIDENCE_FLOOR = 0.4;
/** Valence at or below which the person counts as upset. */
export const NEGATIVE_VALENCE = -0.3;

/** Whether `affect` says, with enough confidence, that the person is upset. */
export function isNegative(affect: AffectSnapshot | null): affect is AffectSnapshot {
  return !!affect && affect.confidence >= AFFECT_CONFIDENCE_FLOOR && affect.valence <= NEGATIVE_VALENCE;
}

/**
 * The affect in words for a system prompt, e.g. "the person sounds tense (confidence 0.6)".
 * English either way: it instructs the model, it is never said to the person.
 */
export function describeAffect(affect: AffectSnapshot | null): string {
  if (!affect || affect.confidence < AFFECT_CONFIDENCE_FLOOR) return 'unknown (no reliable signal)';
  const arousal = affect.arousal > 0.6 ? ', agitated' : affect.arousal < 0.3 ? ', subdued' : '';
  const valence = affect.valence <= NEGATIVE_VALENCE ? 'negative' : affect.valence >= 0.3 ? 'positive' : 'neutral';
  return `the person sounds ${affect.label} (${valence}${arousal}; confidence ${affect.confidence.toFixed(1)})`;
}

/** A short empathic opener for an upset person, in `lang`. */
export function empathicOpener(lang: Language): string {
  return lang === 'nl' ? 'Ik merk dat dit u dwarszit, dat begrijp ik.' : 'I can tell this is bothering you, and I understand.';
}
