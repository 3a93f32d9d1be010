/**
 * Dutch compounds (gemeentehuis, handtekening, rekeningnummer) are written as one word,
 * but each part keeps its own pronunciation: a part's final e stays a schwa (gemeente|huis),
 * its -en stays -ən (zieken|huis), and every part has a stressed vowel (the first the main
 * stress). Spelling rules that see the whole word get these wrong, so a word is first split
 * into known stems.
 *
 * The stems are everyday Dutch words (household, travel, shopping, health, and
 * office vocabulary), written down from general knowledge; a word only splits when every
 * part is one of them, so an unknown word simply falls through to the spelling rules.
 */
const STEMS = new Set(
  `
  aan accu adres afval agenda appel arts auto avond baan bad bak bal balie band bank bed
  bedrijf been behandel bel berg bericht bestel betaal bewijs bezoek bezoeker bier blad blok
  bloem bod boek boeking boer bon boom boord boot bord bos boter boven brand brief bril brood
  brug buiten bureau bus dag dak data datum deel deur dienst dier dokter doos dorp draad
  drank druk eet eind feest fiets film geboorte geld gemeente glas gras groen groente grond
  haar hal hand handel hart herfst hoek hoofd hout huis huur jaar kaart kamer kant kantoor kap kast
  kat keuken kind klant klas klok koffie kok kop kort kost kracht kruis kunst kust laat
  lamp land lang leer les lesje lever licht lijn lijst lucht maal maand markt medicijn
  melk mes middag minuut moeder muur naam nacht neus nummer olie omgeving onder oog open
  opening order ouder over pak pakket pand papier park pas pasje plaats plan plant plek post
  prijs punt raam regel rekening rest rij rijbewijs school schoen slaap sleutel
  slot sluit snel spel sport spoor staat stad stand station steen stoel stof stop straat stroom
  stuk tafel tand tas taxi team tegen tekening telefoon tent tentje thuis tijd toe toegang
  toets tuin uur vaat vader vak vakantie vergader vlucht voet vogel voor voorraad
  vraag vragen vrij vuil waarde wacht wachtwoord wand was water weer week weg wereld werk
  wijn wind winkel winter zaak zaal zak zee ziek zieken zomer zon zonne zorg zout
  zwem lente middel hulp benzine boodschap reservering levering bestelling betaling
  code kaartje tocht wagen lees schrijf mail kerst taart gang kilo meter
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Letters that join two parts (bezoeker|s|pas, zon|ne|bril is in the list as zonne). */
const LINKS = ['s', 'en', 'e'];
/** Endings the last part may carry: plural (-eren: blad|eren), diminutive, inflection, -ing. */
const ENDINGS = ['', 's', 'en', 'e', 'n', 'es', 'er', 'ers', 'eren', 't', 'je', 'jes', 'tje', 'tjes', 'etje', 'ing', 'ingen'];
/** Shorter parts are too easily found by accident inside simple words. */
const MIN_PART = 3;

/**
 * The parts of a compound, each a stem with any linking letters (and, for the last, its
 * ending), fewest parts first, then the longest first part; null for a word that is not
 * two or more known stems.
 */
export function splitCompound(word: string): string[] | null {
  const best = split(word, true);
  return best && best.length >= 2 ? best : null;
}

function split(rest: string, first: boolean): string[] | null {
  let best: string[] | null = null;
  for (let end = rest.length; end >= MIN_PART; end--) {
    const stem = rest.slice(0, end);
    if (!STEMS.has(stem)) continue;
    const tail = rest.slice(end);
    if (!first && ENDINGS.includes(tail)) return [rest];
    for (const link of ['', ...LINKS]) {
      if (!tail.startsWith(link) || tail.length - link.length < MIN_PART) continue;
      const more = split(tail.slice(link.length), false);
      if (more && (!best || more.length + 1 < best.length)) best = [stem + link, ...more];
    }
  }
  return best;
}
