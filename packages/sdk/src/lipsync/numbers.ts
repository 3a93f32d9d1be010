/**
 * Numbers spelled out as a TTS voice reads them, so that "12" moves the mouth like
 * "twelve". Whole numbers up to 999 999 999, decimals digit by digit; anything else
 * (phone numbers, codes) is read digit by digit. Output is space-separated words.
 */

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NL_ONES = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf',
  'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const NL_TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

function english(n: number): string {
  if (n < 20) return EN_ONES[n]!;
  if (n < 100) return EN_TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${EN_ONES[n % 10]}` : '');
  if (n < 1000) return `${EN_ONES[Math.floor(n / 100)]} hundred` + (n % 100 ? ` ${english(n % 100)}` : '');
  if (n < 1e6) return `${english(Math.floor(n / 1000))} thousand` + (n % 1000 ? ` ${english(n % 1000)}` : '');
  return `${english(Math.floor(n / 1e6))} million` + (n % 1e6 ? ` ${english(n % 1e6)}` : '');
}

function dutch(n: number): string {
  if (n < 20) return NL_ONES[n]!;
  // 21 is "eenentwintig": units first, joined by "en".
  if (n < 100) return (n % 10 ? `${NL_ONES[n % 10]} en ` : '') + NL_TENS[Math.floor(n / 10)]!;
  if (n < 1000) return (n >= 200 ? `${NL_ONES[Math.floor(n / 100)]} ` : '') + 'honderd' + (n % 100 ? ` ${dutch(n % 100)}` : '');
  if (n < 1e6) return (n >= 2000 ? `${dutch(Math.floor(n / 1000))} ` : '') + 'duizend' + (n % 1000 ? ` ${dutch(n % 1000)}` : '');
  return `${dutch(Math.floor(n / 1e6))} miljoen` + (n % 1e6 ? ` ${dutch(n % 1e6)}` : '');
}

function spell(token: string, words: (n: number) => string, point: string): string {
  const parts = token.split(/[^0-9]+/).filter(Boolean);
  const isDecimal = /^\d+[.,]\d+$/.test(token);
  // "1,000" and "1.000" are thousands when followed by exactly three digits.
  if (/^\d{1,3}([.,]\d{3})+$/.test(token)) return words(Number(parts.join('')));
  if (isDecimal) return `${words(Number(parts[0]))} ${point} ${parts[1]!.split('').map((d) => words(Number(d))).join(' ')}`;
  return parts
    .map((p) => (p.length <= 9 && !(p.length > 1 && p.startsWith('0')) ? words(Number(p)) : p.split('').map((d) => words(Number(d))).join(' ')))
    .join(' ');
}

/** An English token containing digits, spelled out. */
export function englishNumber(token: string): string {
  return spell(token, english, 'point');
}

/** A Dutch token containing digits, spelled out. */
export function dutchNumber(token: string): string {
  return spell(token, dutch, 'komma');
}
