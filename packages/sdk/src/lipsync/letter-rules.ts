import { ph, type Phone } from './phonemes';

/**
 * One letter-to-sound rule: `[letters, phones, left, right]`. `phones` are IPA symbols
 * separated by spaces, a trailing 1/2 marking stress ('' for silent letters); `left` and
 * `right` are regular expressions the text before and after the letters must match
 * (`left` is anchored at its end, `right` should start with `^`).
 */
export type LetterRule = readonly [letters: string, phones: string, left?: string, right?: string];

interface CompiledRule {
  letters: string;
  phones: Phone[];
  left: RegExp | null;
  right: RegExp | null;
}

const compiled = new WeakMap<readonly LetterRule[], CompiledRule[]>();

function compile(rules: readonly LetterRule[]): CompiledRule[] {
  let out = compiled.get(rules);
  if (!out) {
    out = rules.map(([letters, phones, left, right]) => ({
      letters,
      phones: phones ? ph(...phones.split(' ')) : [],
      left: left ? new RegExp(`${left}$`) : null,
      right: right ? new RegExp(right) : null,
    }));
    compiled.set(rules, out);
  }
  return out;
}

/**
 * Converts a lower-case word with ordered rules, scanning left to right; letters no rule
 * covers are skipped. Only the first stressed vowel keeps its stress: rules cannot see
 * the word's stress pattern, and one stress per word is the likeliest guess.
 */
export function applyLetterRules(word: string, rules: readonly LetterRule[]): Phone[] {
  const table = compile(rules);
  const out: Phone[] = [];
  let i = 0;
  while (i < word.length) {
    const before = word.slice(0, i);
    const rest = word.slice(i);
    const rule = table.find(
      (r) => rest.startsWith(r.letters) && (!r.left || r.left.test(before)) && (!r.right || r.right.test(rest.slice(r.letters.length))),
    );
    if (!rule) {
      i++;
      continue;
    }
    out.push(...rule.phones);
    i += rule.letters.length;
  }
  let stressed = false;
  return out.map((p) => {
    if (!p.stress) return p;
    if (stressed) return { ...p, stress: 0 };
    stressed = true;
    return p;
  });
}
