import type { VisemeWeights } from '../avatar/expression-mixer';

/**
 * Mouth shapes of the lip-sync, named as in the Oculus/Meta viseme set that most avatar
 * tools know (`sil` is rest). VRM models have only five mouth presets; {@link VISEME_SHAPES}
 * expresses every one of these as weights over them.
 */
export const LIP_VISEMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'I', 'O', 'U'] as const;
export type LipViseme = (typeof LIP_VISEMES)[number];

/**
 * The nine classes lip-sync is measured in: what the lips visibly do. Vowels by their
 * VRM preset, then closed lips (p b m), lip-to-teeth (f v ʋ), other consonants, and rest.
 */
export const VISEME_CLASSES = ['rest', 'aa', 'ih', 'ee', 'oh', 'ou', 'closed', 'fv', 'other'] as const;
export type VisemeClass = (typeof VISEME_CLASSES)[number];

/** The class of each viseme. */
export const VISEME_CLASS: Readonly<Record<LipViseme, VisemeClass>> = {
  sil: 'rest',
  PP: 'closed',
  FF: 'fv',
  TH: 'other',
  DD: 'other',
  kk: 'other',
  CH: 'other',
  SS: 'other',
  nn: 'other',
  RR: 'other',
  aa: 'aa',
  E: 'ee',
  I: 'ih',
  O: 'oh',
  U: 'ou',
};

/**
 * Each viseme as weights over VRM's five mouth presets. A VRM's neutral face has the lips
 * together, so rest and the bilabial closure (p b m) are both "no preset": the closure
 * differs from rest not in its shape but in its {@link VISEME_DOMINANCE}, which keeps the
 * lips shut even between two open vowels. f/v is a slightly spread, barely open mouth
 * (the lower lip tucks under the teeth, which 'ih' approximates best); the other
 * consonants are small openings whose exact look comes mostly from the neighbouring
 * vowels (coarticulation), except the rounded ʃ/ʒ/tʃ and r.
 */
export const VISEME_SHAPES: Readonly<Record<LipViseme, VisemeWeights>> = {
  sil: {},
  PP: {},
  FF: { ih: 0.25, ee: 0.05 },
  TH: { ee: 0.25, aa: 0.1 },
  DD: { ee: 0.2, aa: 0.15 },
  kk: { aa: 0.25, ee: 0.1 },
  CH: { ou: 0.45, ih: 0.1 },
  SS: { ih: 0.35, ee: 0.05 },
  nn: { ee: 0.15, aa: 0.15 },
  RR: { ou: 0.35, oh: 0.1 },
  aa: { aa: 1 },
  E: { ee: 0.85, aa: 0.15 },
  I: { ih: 0.9 },
  O: { oh: 1 },
  U: { ou: 1 },
};

/**
 * How strongly each viseme holds its own shape against its neighbours (after Cohen &
 * Massaro's dominance model). Lip closure, labiodentals and lip rounding are made with
 * the lips, so they win; tongue consonants (t, k, n, s …) are invisible behind the lips,
 * which meanwhile already move towards the next vowel.
 */
export const VISEME_DOMINANCE: Readonly<Record<LipViseme, number>> = {
  sil: 0.6,
  PP: 4,
  FF: 3,
  TH: 0.6,
  DD: 0.35,
  kk: 0.3,
  CH: 1.5,
  SS: 0.8,
  nn: 0.35,
  RR: 1,
  aa: 1,
  E: 1,
  I: 1,
  O: 1.2,
  U: 1.5,
};
