/**
 * The nine viseme classes of the lip-sync interface, from IPA. The benchmark's ground
 * truth is defined here, independently of the SDK's own phoneme table, so a mistake in
 * the SDK's mapping shows up as disagreement instead of being copied into the reference.
 */
export type VisemeClass = 'rest' | 'aa' | 'ih' | 'ee' | 'oh' | 'ou' | 'closed' | 'fv' | 'other';

const VOWELS: Readonly<Record<string, VisemeClass>> = {
  a: 'aa', ɑ: 'aa', æ: 'aa', ʌ: 'aa', ɐ: 'aa', ə: 'aa', ɚ: 'aa',
  i: 'ih', ɪ: 'ih', ᵻ: 'ih', ɨ: 'ih',
  e: 'ee', ɛ: 'ee', ɜ: 'ee',
  o: 'oh', ɔ: 'oh', ɒ: 'oh', ø: 'oh', œ: 'oh', ɵ: 'oh',
  u: 'ou', ʊ: 'ou', y: 'ou', ʏ: 'ou', w: 'ou',
  p: 'closed', b: 'closed', m: 'closed',
  f: 'fv', v: 'fv', ʋ: 'fv',
};

/**
 * Classes of one phoneme label as espeak-ng reports it (`aɪ`, `ɔːɹ`, `tʃ`): each vowel
 * symbol is one part (a diphthong is its two halves; r-colouring after a vowel is a
 * part of its own), consonant clusters within one label (affricates) are one part.
 * Length marks and diacritics are ignored.
 */
export function ipaClasses(label: string): VisemeClass[] {
  const parts: VisemeClass[] = [];
  let consonant = false;
  for (const ch of label.replace(/[ːˑˈˌ\u0300-\u036f\u02b0-\u02ff\u1d2c-\u1d6a]/g, (c) => (c === 'ᵻ' ? c : ''))) {
    const cls = VOWELS[ch];
    if (cls && cls !== 'other') {
      parts.push(cls);
      consonant = false;
    } else if (!consonant) {
      parts.push('other');
      consonant = true;
    }
  }
  return parts;
}
