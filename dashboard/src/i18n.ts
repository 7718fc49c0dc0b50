/** The page's words in Polish and English; figures and names come from the API. */
export type Lang = "pl" | "en";

const WORDS = {
  title: { pl: "Trzy modele kooperacji – porównanie", en: "Three models of cooperation compared" },
  subtitle: {
    pl: "PO WER 2014–2020, działanie 2.5 „Skuteczna pomoc społeczna”. Dane z API Kooperacja Hub.",
    en: "PO WER 2014–2020, action 2.5 “Skuteczna pomoc społeczna”. Data from the Kooperacja Hub API.",
  },
  skip: { pl: "Przejdź do treści", en: "Skip to content" },
  language: { pl: "Język", en: "Language" },
  loading: { pl: "Wczytywanie…", en: "Loading…" },
  tokenLegend: { pl: "Dostęp", en: "Access" },
  tokenLabel: { pl: "Token dostępu (np. rola dashboard)", en: "Access token (e.g. the dashboard role)" },
  tokenUse: { pl: "Użyj tokenu", en: "Use token" },
  tokenForget: { pl: "Zapomnij token", en: "Forget token" },
  tokenNone: {
    pl: "Widok publiczny. Szeregi czasowe i luki w danych wymagają tokenu (npm run -s token -- --role dashboard).",
    en: "Public view. Time series and coverage gaps need a token (npm run -s token -- --role dashboard).",
  },
  tokenActive: { pl: "Token w użyciu (tylko w tej karcie przeglądarki).", en: "Using a token (in this browser tab only)." },
  tokenRefused: { pl: "Token odrzucony", en: "Token refused" },
  bannerTitle: { pl: "Dane niepełne", en: "Incomplete data" },
  bannerText: { pl: "Nie odpowiada region:", en: "A region is not answering:" },
  bannerSlow: { pl: "Nie odpowiedział na czas region:", en: "A region did not answer in time:" },
  bannerHint: {
    pl: "Liczby poniżej nie obejmują jego danych. Odśwież stronę później.",
    en: "The figures below leave its data out. Reload the page later.",
  },
  error: { pl: "Błąd", en: "Error" },
  overview: { pl: "Przegląd partnerstw", en: "The partnerships at a glance" },
  partnership: { pl: "Partnerstwo", en: "Partnership" },
  macroregion: { pl: "Makroregion", en: "Macroregion" },
  value: { pl: "Wartość projektu", en: "Project value" },
  euFunds: { pl: "Dofinansowanie UE (EFS)", en: "EU co-financing (ESF)" },
  euShare: { pl: "Udział UE", en: "EU share" },
  sites: { pl: "Miejsca pilotażu", en: "Pilot sites" },
  families: { pl: "Rodziny objęte wsparciem (każda liczona raz)", en: "Families enrolled (each counted once)" },
  bodies: { pl: "Zespoły współpracy", en: "Cooperation bodies" },
  voivodeships: { pl: "Województwa", en: "Voivodeships" },
  notStated: { pl: "brak w źródłach", en: "not in the sources" },
  moneyChart: { pl: "Wartość projektu i dofinansowanie UE (zł)", en: "Project value and EU co-financing (PLN)" },
  notInMoneyChart: {
    pl: "brak na wykresie: strona źródłowa nie podaje wartości projektu.",
    en: "not in the chart: its source page does not state the project's value.",
  },
  seriesGaps: {
    pl: "Przerwy w linii to kwartały utajnione: liczba zbyt małej grupy rodzin, by ją pokazać.",
    en: "Gaps in a line are suppressed quarters: a group of families too small to show.",
  },
  suppressedShort: { pl: "utajnione", en: "suppressed" },
  byVoivodeship: { pl: "Według województw", en: "By voivodeship" },
  voivodeship: { pl: "Województwo", en: "Voivodeship" },
  noVoivodeship: { pl: "bez województwa (np. zespoły bez miejsca pilotażu)", en: "no voivodeship (e.g. bodies of no pilot site)" },
  voivodeshipNote: {
    pl: "„–”: brak wartości z tego województwa (żadne miejsce pilotażu ich nie zgłosiło).",
    en: "“–”: no values from this voivodeship (no pilot site there reported them).",
  },
  comparison: { pl: "Porównanie wskaźników", en: "Indicators compared" },
  map: { pl: "Na mapie", en: "On the map" },
  mapCaption: { pl: "według województw i miejsc pilotażu (cały okres programu)", en: "by voivodeship and pilot site (the whole programme period)" },
  mapRegionsScale: { pl: "Województwa", en: "Voivodeships" },
  mapSitesScale: { pl: "Miejsca", en: "Sites" },
  mapKeys: {
    pl: "Mapa obsługuje klawiaturę: po przejściu do niej klawiszem Tab strzałki przechodzą między województwami, Home i End do pierwszego i ostatniego, Escape zamyka opis.",
    en: "The map works from the keyboard: Tab to it, then the arrow keys move between voivodeships, Home and End to the first and last, Escape closes the description.",
  },
  mapLegend: {
    pl: "Kolor województwa: jego wartość wskaźnika (skala po lewej); kolor kropki: wartość miejsca pilotażu (skala po prawej, osobna, bo miejsce i województwo mają inne rzędy wielkości). Szare: brak wartości (województwo spoza trzech makroregionów albo żadne miejsce jej nie zgłosiło). Kreskowane województwo i pusty romb: wartość utajniona. Kropki pokazują, w którym województwie jest miejsce, a nie gdzie w nim leży: hub nie przechowuje współrzędnych miejsc.",
    en: "A voivodeship's colour is its figure (the scale on the left); a dot's colour is its pilot site's figure (the scale on the right, a separate one: a site and a voivodeship are of different sizes). Grey: no figure (a voivodeship outside the three macroregions, or no site there reported one). A hatched voivodeship or a hollow diamond: the figure is suppressed. A dot shows which voivodeship a site is in, not where in it: the hub holds no coordinates of sites.",
  },
  mapNone: { pl: "poza trzema makroregionami", en: "outside the three macroregions" },
  mapUnknown: { pl: "nieznane: jeden z regionów nie odpowiada", en: "unknown: a region is not answering" },
  mapSites: { pl: "Miejsca pilotażu i ich wartości", en: "Pilot sites and their figures" },
  mapSiteCount: { pl: "miejsca pilotażu", en: "pilot sites" },
  mapNoSites: { pl: "brak miejsc pilotażu", en: "no pilot sites" },
  mapChosen: { pl: "Wybrane na mapie", en: "Chosen on the map" },
  mapMoreSites: { pl: "i {count} kolejnych (wszystkie w tabeli pod mapą)", en: "and {count} more (all in the table beneath the map)" },
  indicator: { pl: "Wskaźnik", en: "Indicator" },
  byPartnership: { pl: "Według partnerstw", en: "By partnership" },
  byKind: { pl: "Według rodzaju gminy", en: "By kind of gmina" },
  kind: { pl: "Rodzaj gminy", en: "Kind of gmina" },
  n: { pl: "Liczba wartości", en: "Values" },
  familiesBehind: { pl: "Rodziny", en: "Families" },
  series: { pl: "Przebieg w czasie (kwartały)", en: "Over time (quarters)" },
  period: { pl: "Okres", en: "Period" },
  coverage: { pl: "Luki w danych", en: "Coverage gaps" },
  site: { pl: "Miejsce pilotażu", en: "Pilot site" },
  missing: { pl: "Brakujące kwartały", en: "Missing quarters" },
  reported: { pl: "Zgłoszone kwartały", en: "Reported quarters" },
  complete: { pl: "Wszystkie miejsca zgłosiły wszystkie kwartały tego wskaźnika.", en: "Every site reported every quarter of this indicator." },
  coverageSites: { pl: "Miejsca zgłaszające", en: "Sites reporting" },
  coverageGaps: { pl: "Miejsca z lukami", en: "Sites with gaps" },
  coverageMissing: { pl: "Brakujące kwartały razem", en: "Missing quarters in all" },
  coverageList: { pl: "Miejsca z lukami, najwięcej brakujących kwartałów najpierw", en: "Sites with gaps, most missing quarters first" },
  coverageShown: { pl: "Pokazano {shown} z {all} miejsc z lukami.", en: "Showing {shown} of {all} sites with gaps." },
  fromRecords: {
    pl: "Ten wskaźnik hub oblicza z rejestrów regionów (rodziny, spotkania, działania), więc nie ma luk w sprawozdawczości. Luki dotyczą wskaźników zgłaszanych.",
    en: "The hub computes this indicator from the regions' records (families, meetings, activities), so it has no reporting gaps. Gaps concern reported indicators.",
  },
  needsToken: {
    pl: "Ta część wymaga tokenu (rola dashboard, analityk lub właściciel).",
    en: "This part needs a token (the dashboard, analyst or owner role).",
  },
  suppressed: { pl: "utajnione", en: "suppressed" },
  protectedNote: {
    pl: "Liczby o rodzinach są chronione dla ochrony prywatności (metoda klucza komórki): „≈ 21” może nieznacznie różnić się od dokładnej liczby (o kilka; to wielokrotność 3). „utajnione”: grupa zbyt mała, by ją pokazać (poniżej 5 rodzin zawsze, do 8 rodzin czasem).",
    en: "Figures about families are protected for privacy (the cell key method): “≈ 21” may differ slightly from the exact count (by a few; it is a multiple of 3). “suppressed”: a group too small to show (fewer than 5 families always, up to 8 sometimes).",
  },
  noData: { pl: "brak danych", en: "no data" },
  chartData: { pl: "Dane wykresu w tabeli", en: "The chart's data as a table" },
  definition: { pl: "Co liczy wskaźnik", en: "What the indicator counts" },
  syntheticFigures: {
    pl: "dane demonstracyjne (syntetyczne): liczba obliczona z rekordów wygenerowanych na pokaz, a nie z rzeczywistych obserwacji.",
    en: "demonstration (synthetic) data: computed from records generated for the demo, not from real observations.",
  },
  mixedFigures: {
    pl: "dane demonstracyjne (syntetyczne) w całości lub w części: liczba nie jest rzeczywistą obserwacją.",
    en: "demonstration (synthetic) data in whole or in part: the figure is not a real observation.",
  },
  reasonedFacts: {
    pl: "nie podane wprost na stronach źródłowych, lecz wywnioskowane lub obliczone z nich (uzasadnienie po najechaniu kursorem).",
    en: "not stated on the source pages but inferred or computed from them (the reasoning shows on hover).",
  },
  URBAN: { pl: "miejska", en: "urban" },
  RURAL: { pl: "wiejska", en: "rural" },
  URBAN_RURAL: { pl: "miejsko-wiejska", en: "urban-rural" },
  NO_KIND: { pl: "powiat (bez rodzaju gminy)", en: "powiat (no kind of gmina)" },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

/** Polish names of the indicator catalogue; the API names them in English. */
const INDICATOR_NAMES_PL: Record<string, string> = {
  ACTIVITY_PARTICIPANTS: "Uczestnicy działań wspierających",
  BODY_MEETINGS_HELD: "Spotkania zespołów współpracy według sprawozdań",
  BODY_MEETINGS_RECORDED: "Spotkania zespołów współpracy według ewidencji",
  CONTRACT_GOALS_MET: "Odsetek zrealizowanych celów kontraktów socjalnych",
  COOPERATION_BODIES: "Utworzone zespoły współpracy",
  FAMILIES_ENROLLED: "Rodziny objęte wsparciem (różne rodziny, każda liczona raz)",
  // Not "Rodziny wspierane": read beside the families enrolled, it passed for a count of families (issue 20).
  FAMILIES_SUPPORTED: "Rodzino-kwartały wsparcia (kwartalne liczby zsumowane)",
  FAMILIES_WITH_SOCIAL_CONTRACT: "Rodziny z kontraktem socjalnym",
  INSTITUTIONS_INVOLVED: "Zaangażowane instytucje",
  SCHOOL_OF_COOPERATION_PARTICIPANTS: "Uczestnicy Szkoły kooperacji",
  SOCIAL_CONTRACTS_CONCLUDED: "Zawarte kontrakty socjalne",
  WORKERS_COACHED: "Pracownicy socjalni objęci coachingiem lub szkoleniem",
};

/** Polish definitions of the catalogue's indicators; the API defines them in English (`definition`). */
const INDICATOR_DEFINITIONS_PL: Record<string, string> = {
  ACTIVITY_PARTICIPANTS: "Uczestnicy szkoleń, coachingu, konferencji, warsztatów i innych działań wspierających, według daty działania.",
  BODY_MEETINGS_HELD: "Spotkania zespołów współpracy miejsca pilotażu w danym okresie, tak jak region je zgłasza w sprawozdaniach kwartalnych.",
  BODY_MEETINGS_RECORDED: "Spotkania zespołów współpracy zarejestrowane przez region jedno po drugim, według daty spotkania.",
  CONTRACT_GOALS_MET: "Odsetek celów kontraktu socjalnego rodziny zrealizowanych do końca okresu; dla grupy to średnia z jej rodzin.",
  COOPERATION_BODIES:
    "Zespoły współpracy (grupy, zespoły) modelu, liczone z rejestrów regionu; bez daty, więc w podziale na okresy nie należą do żadnego okresu.",
  FAMILIES_ENROLLED: "Różne rodziny, których wsparcie rozpoczęło się w danym okresie, każda liczona raz, z rejestru rodzin regionu.",
  FAMILIES_SUPPORTED:
    "Dla każdego kwartału: osoby lub rodziny, które region zgłasza jako wspierane w miejscu pilotażu. Kwartały się sumują, więc rodzina wspierana przez cztery kwartały liczy się cztery razy; różne rodziny liczy wskaźnik „Rodziny objęte wsparciem”.",
  FAMILIES_WITH_SOCIAL_CONTRACT: "Wspierane rodziny z kontraktem socjalnym, według początku wsparcia, z rejestru rodzin regionu.",
  INSTITUTIONS_INVOLVED:
    "Instytucje zasiadające w zespołach współpracy miejsca pilotażu (każda raz na miejsce, od dnia pierwszego przystąpienia), według sektora.",
  SCHOOL_OF_COOPERATION_PARTICIPANTS:
    "Pracownicy instytucji miejsca pilotażu uczestniczący w regionalnej lub ponadregionalnej Szkole kooperacji (tylko Liderzy kooperacji).",
  SOCIAL_CONTRACTS_CONCLUDED: "Kontrakty socjalne zawarte ze wspieranymi osobami lub rodzinami w danym okresie.",
  WORKERS_COACHED: "Pracownicy socjalni i pracownicy innych instytucji, którzy wzięli udział w coachingu lub szkoleniu w danym okresie.",
};

/** What an indicator counts, in the reader's language: the Polish definition, or the catalogue's English one. */
export function indicatorDefinition(lang: Lang, code: string, apiDefinition: string | undefined): string {
  return (lang === "pl" ? INDICATOR_DEFINITIONS_PL[code] : undefined) ?? apiDefinition ?? "";
}

export function t(lang: Lang, word: Word): string {
  return WORDS[word][lang];
}

export function indicatorName(lang: Lang, code: string, apiName: string | undefined): string {
  return (lang === "pl" ? INDICATOR_NAMES_PL[code] : undefined) ?? apiName ?? code;
}

export function kindName(lang: Lang, kind: string | null | undefined): string {
  return t(lang, (kind ?? "NO_KIND") as Word);
}

const LOCALES: Record<Lang, string> = { pl: "pl-PL", en: "en-GB" };

export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "84,28 %" in Polish (with a non-breaking space, as Polish typesetting has it), "84.28%" in English. */
export function formatPercent(lang: Lang, percent: number): string {
  const figure = formatNumber(lang, percent, 2);
  return lang === "pl" ? `${figure}\u00a0%` : `${figure}%`;
}

export function formatMoney(lang: Lang, amount: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency: "PLN", minimumFractionDigits: 2 }).format(amount);
}

/** A figure of a table cell: "utajnione" when suppressed, a dash when absent. */
export function formatFigure(lang: Lang, value: number | null | undefined, suppressed = false): string {
  if (suppressed) return t(lang, "suppressed");
  if (value === null || value === undefined) return "–";
  return formatNumber(lang, value, Number.isInteger(value) ? 0 : 1);
}
