import type { PartnershipKey } from "@kooperacja/contract";
import {
  ActivityKind,
  CooperationBodyKind,
  CooperationLevel,
  InstitutionKind,
  MemberRole,
  MunicipalityKind,
  OmissionReason,
  ProvenanceKind,
  SiteStatus,
  UnitLevel,
} from "../common/enums";

/**
 * The public facts of the five source pages (seeds/, summed up in
 * docs/domain.md), each with the page it comes from. Plain data: the
 * seeder turns it into rows. Where the pages disagree (the lead partner of
 * Kooperacja) both claims are kept. A record cites one page; a field that
 * draws on other pages, or is derived or inferred rather than stated, says
 * so in `fields`. seeds/audit.yaml checks every citation against the pages.
 */

/** Where one field comes from, where that is not simply the record's page. */
export interface FieldOrigin {
  kind: ProvenanceKind.SOURCE_PAGE | ProvenanceKind.DERIVED | ProvenanceKind.INFERRED | ProvenanceKind.REFERENCE_DATA;
  pages: string[];
  note?: string;
}

/** The field is stated on these pages. */
export const onPages = (...pages: string[]): FieldOrigin => ({ kind: ProvenanceKind.SOURCE_PAGE, pages });
/** The field is computed from facts of these pages; `formula` says how. */
export const derived = (formula: string, ...pages: string[]): FieldOrigin => ({ kind: ProvenanceKind.DERIVED, pages, note: formula });
/** The field is reasoned from these pages, which do not state it; `reasoning` says how. */
export const inferred = (reasoning: string, ...pages: string[]): FieldOrigin => ({ kind: ProvenanceKind.INFERRED, pages, note: reasoning });
/** The field is public reference data, not stated on the pages. */
export const referenceData = (note: string): FieldOrigin => ({ kind: ProvenanceKind.REFERENCE_DATA, pages: [], note });

/** A fact a page states that the hub leaves out on purpose. */
export interface OmissionFact {
  what: string;
  reason: OmissionReason;
  page: string;
  note?: string;
}

/** Field origins and omissions any record of the seed can carry. */
export interface Cited {
  fields?: Record<string, FieldOrigin>;
  omitted?: OmissionFact[];
}

export interface SourceFact {
  code: string;
  fileName: string;
  /** As the page names its publisher; null where it names none. */
  publishedBy: string | null;
  title: string;
}

export const SOURCES: Record<string, SourceFact> = {
  "000": {
    code: "000",
    fileName: "000_13c2998b6788e823.txt",
    // Its footer: "www.pcpr.ostroda.pl | wszelkie prawa zastrzeżone".
    publishedBy: "Powiatowe Centrum Pomocy Rodzinie w Ostródzie (PCPR Ostróda, www.pcpr.ostroda.pl)",
    title: 'Dyrektor PCPR w Grupie Decydentów partnerskiego projektu "Kooperacja - efektywna i skuteczna"',
  },
  "001": {
    code: "001",
    fileName: "001_064c6710cab95ea6.txt",
    // The project's "O projekcie" page names the four ROPS that run the project, not which of them publishes it.
    publishedBy: null,
    title: "KOOPERACJE 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin: O projekcie",
  },
  "002": {
    code: "002",
    fileName: "002_34c6039c66b9a543.txt",
    // "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze uprzejmie informuje, że…"
    publishedBy: "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze (ROPS Zielona Góra)",
    title: "Zapraszamy do udziału w projekcie „Kooperacja – efektywna i skuteczna”",
  },
  "003": {
    code: "003",
    fileName: "003_5deb7787be237042.txt",
    // A news item ("Aktualności") about the powiat, with no publisher, address or footer.
    publishedBy: null,
    title: "Liderzy kooperacji - Powiat Wysokomazowiecki przystąpił do uczestnictwa w projekcie",
  },
  "004": {
    code: "004",
    fileName: "004_9e10d29d222c4681.txt",
    // Its footer: "© PCPR Radomsko. Wszelkie prawa zastrzeżone".
    publishedBy: "Powiatowe Centrum Pomocy Rodzinie w Radomsku (PCPR Radomsko)",
    title: "Udział Powiatowego Centrum Pomocy Rodzinie w Radomsku w projekcie partnerskim pn. „Kooperacje 3D”",
  },
};

export interface UnitFact {
  teryt: string;
  name: string;
  level: UnitLevel;
  municipalityKind?: MunicipalityKind;
  parent?: string;
  population?: number;
}

export interface InstitutionFact extends Cited {
  id: string;
  name: string;
  shortName: string;
  kind: InstitutionKind;
  city: string;
  voivodeship: string;
  role: MemberRole;
  roleDescription?: string;
  source: string;
  /** Origins of the membership's fields (role, roleDescription) that differ from `source`. */
  memberFields?: Record<string, FieldOrigin>;
}

export interface PartnershipFacts extends Cited {
  key: PartnershipKey;
  name: string;
  macroregion: string;
  targetMunicipalityKinds: MunicipalityKind[];
  targetDescription: string;
  totalValueGrosze: string | null;
  euCofinancingGrosze: string | null;
  moneySource: string | null;
  goal: string;
  modelDescription: string;
  cooperationLevels: CooperationLevel[];
  selectionCriteria: string[];
  supportForms: ActivityKind[];
  source: string;
  note?: string;
  sources: string[];
  units: UnitFact[];
  institutions: InstitutionFact[];
  leadClaims: { institution: string; quote: string; source: string }[];
  structures: (Cited & {
    kind: CooperationBodyKind;
    localName: string;
    description: string;
    typicalMembers?: number;
    meetingFormat?: string;
    source: string;
  })[];
  sites: (Cited & {
    teryt: string;
    name: string;
    status: SiteStatus;
    joinedOn?: string;
    agreement?: string;
    source: string;
    note?: string;
  })[];
  bodies: (Cited & {
    id: string;
    kind: CooperationBodyKind;
    name: string;
    site?: string;
    memberCount?: number;
    meetingFormat?: string;
    source: string;
    members: (Cited & { institution: string; joinedOn?: string; representation?: string; source: string })[];
  })[];
}

/** Common to the three projects (every page agrees). */
export const PROGRAMME = {
  programme: "Program Operacyjny Wiedza Edukacja Rozwój (PO WER) 2014-2020",
  priorityAxis: "II Efektywne polityki publiczne dla rynku pracy, gospodarki i edukacji",
  action: "2.5 Skuteczna pomoc społeczna",
  fund: "Europejski Fundusz Społeczny (European Social Fund)",
  startsOn: "2018-04-01",
  endsOn: "2021-03-31",
};

/**
 * Axis, action and fund of Liderzy kooperacji: its page names the programme
 * alone, so they are reasoned from the pages of the two sibling projects.
 */
const LIDERZY_CALL = inferred(
  "Page 003 names the programme (PO WER 2014-2020) but not the priority axis, the action or the fund. Page 001 says the recommendation book sums up the models of 3 macroregions, " +
    "and pages 001, 002 and 004 put the other two macroregions' projects under priority axis II, action 2.5, co-financed by the European Social Fund; the third project is taken to be under the same call.",
  "001",
  "002",
  "004",
);

/** TERYT codes, kinds and populations are reference data the pages do not state. */
export const REFERENCE_NOTE = "TERYT code, kind and parent from the GUS TERYT register, entered by the hub team; not stated on the source pages.";
export const POPULATION_NOTE = "Population is approximate (GUS, about 2019).";

const voivodeship = (teryt: string, name: string): UnitFact => ({ teryt, name, level: UnitLevel.VOIVODESHIP });

export const PARTNERSHIP_FACTS: Record<PartnershipKey, PartnershipFacts> = {
  liderzy: {
    key: "liderzy",
    name: "Liderzy kooperacji",
    macroregion: "I",
    targetMunicipalityKinds: [MunicipalityKind.RURAL],
    targetDescription:
      "Rural gminas (gminy wiejskie) of macroregion I: the lubelskie, podlaskie, podkarpackie, świętokrzyskie and mazowieckie voivodeships; 6 powiats of podlaskie joined.",
    totalValueGrosze: null,
    euCofinancingGrosze: null,
    moneySource: null,
    goal:
      "Develop and implement a pilot model of cooperation of the gmina's social assistance institutions (OPS) with powiat institutions and other sectors " +
      "(police, judiciary, education, NGOs) that matter for social inclusion and fighting poverty, in the rural gminas of macroregion I.",
    modelDescription:
      "A pilot model of cooperation of the gmina social assistance centre (OPS) with powiat institutions and other sectors (police, courts, education, NGOs). " +
      "It describes an individualised diagnosis of the needs of persons and families with comprehensive cross-sector support, and a scheme of " +
      "multi-dimensional responses aiming at their social, vocational and civic independence. Participants build the model's assumptions, test it, " +
      "run a social project on it, and take part in conferences, seminar-workshops, trainings, partner exchange meetings and an educational platform; " +
      'support comes as advisory, coaching, supervision and specialist trainings in a regional and supra-regional "Szkoła kooperacji".',
    cooperationLevels: [],
    selectionCriteria: [],
    supportForms: [
      ActivityKind.CONFERENCE,
      ActivityKind.WORKSHOP,
      ActivityKind.TRAINING,
      ActivityKind.EXPERIENCE_EXCHANGE,
      ActivityKind.EDUCATIONAL_PLATFORM,
      ActivityKind.ADVISORY,
      ActivityKind.COACHING,
      ActivityKind.SUPERVISION,
    ],
    source: "003",
    note: "The source page does not state the project's value or its lead partner.",
    fields: { priorityAxis: LIDERZY_CALL, action: LIDERZY_CALL, fund: LIDERZY_CALL },
    sources: ["001", "002", "003", "004"],
    units: [
      voivodeship("06", "lubelskie"),
      voivodeship("14", "mazowieckie"),
      voivodeship("18", "podkarpackie"),
      voivodeship("20", "podlaskie"),
      voivodeship("26", "świętokrzyskie"),
      { teryt: "2013", name: "powiat wysokomazowiecki", level: UnitLevel.POWIAT, parent: "20", population: 57000 },
      { teryt: "2013052", name: "Kobylin-Borzymy", level: UnitLevel.GMINA, municipalityKind: MunicipalityKind.RURAL, parent: "2013", population: 3000 },
      { teryt: "2013102", name: "Wysokie Mazowieckie", level: UnitLevel.GMINA, municipalityKind: MunicipalityKind.RURAL, parent: "2013", population: 5400 },
    ],
    institutions: [
      {
        id: "rops-bialystok",
        name: "Regionalny Ośrodek Polityki Społecznej w Białymstoku",
        shortName: "ROPS Białystok",
        kind: InstitutionKind.ROPS,
        city: "Białystok",
        voivodeship: "20",
        role: MemberRole.PARTNER,
        roleDescription: "Acts for Województwo Podlaskie; signed the cooperation agreement with Powiat Wysokomazowiecki on 2018-06-21.",
        source: "003",
        memberFields: {
          role: inferred(
            "Page 003 does not call it a partner: Województwo Podlaskie, for which it acts, signed the agreement by which the powiat joined the project, so it takes part in running the project in podlaskie.",
            "003",
          ),
        },
      },
      {
        id: "powiat-wysokomazowiecki",
        name: "Powiat Wysokomazowiecki",
        shortName: "Powiat Wysokomazowiecki",
        kind: InstitutionKind.LOCAL_GOVERNMENT,
        city: "Wysokie Mazowieckie",
        voivodeship: "20",
        role: MemberRole.PARTICIPANT,
        roleDescription: "Joined the project by the cooperation agreement of 2018-06-21.",
        source: "003",
        fields: { city: referenceData("Seat of the powiat's office; the page does not name it.") },
      },
    ],
    leadClaims: [],
    structures: [
      {
        kind: CooperationBodyKind.SCHOOL_OF_COOPERATION,
        localName: "Szkoła kooperacji",
        description:
          "Regional and supra-regional school of cooperation: advisory, coaching, supervision and specialist trainings for representatives of social assistance " +
          "and integration institutions of rural gminas and powiats and of other sectors.",
        source: "003",
      },
    ],
    sites: [
      {
        teryt: "2013",
        name: "Powiat wysokomazowiecki",
        status: SiteStatus.ACTIVE,
        joinedOn: "2018-06-21",
        agreement: "Porozumienie o współpracy between Województwo Podlaskie (acting through ROPS Białystok) and Powiat Wysokomazowiecki, signed 2018-06-21.",
        source: "003",
      },
      {
        teryt: "2013102",
        name: "Gmina Wysokie Mazowieckie",
        status: SiteStatus.QUALIFIED,
        source: "003",
        // The page says the two gminas qualified; it does not say under which agreement.
        note: "One of the 2 rural gminas of powiat wysokomazowiecki that qualified; the page names no agreement of the gmina's own.",
      },
      {
        teryt: "2013052",
        name: "Gmina Kobylin-Borzymy",
        status: SiteStatus.QUALIFIED,
        source: "003",
        // The page says the two gminas qualified; it does not say under which agreement.
        note: "One of the 2 rural gminas of powiat wysokomazowiecki that qualified; the page names no agreement of the gmina's own.",
      },
    ],
    bodies: [
      {
        id: "szkola-kooperacji-podlaskie",
        kind: CooperationBodyKind.SCHOOL_OF_COOPERATION,
        name: "Szkoła kooperacji (regional, podlaskie)",
        source: "003",
        fields: {
          name: inferred(
            'Page 003 names a regional and a supra-regional "Szkoła kooperacji"; that the regional one for this powiat is podlaskie\'s follows from the powiat being in podlaskie.',
            "003",
          ),
        },
        members: [
          {
            institution: "rops-bialystok",
            representation: "Acts for Województwo Podlaskie in the project; the page does not say who runs the school.",
            source: "003",
            fields: {
              representation: inferred(
                "Page 003 names no member of the school; ROPS Białystok is listed as the project's body in podlaskie, the region of the school.",
                "003",
              ),
            },
          },
        ],
      },
    ],
  },

  kooperacja: {
    key: "kooperacja",
    name: "Kooperacja – efektywna i skuteczna",
    macroregion: "II",
    targetMunicipalityKinds: [MunicipalityKind.URBAN_RURAL],
    targetDescription:
      "Urban-rural gminas (gminy miejsko-wiejskie) with diagnosed needs in supporting families at risk of poverty or exclusion, and their powiats, in " +
      "kujawsko-pomorskie, pomorskie, warmińsko-mazurskie, wielkopolskie, zachodniopomorskie and lubuskie; lubuskie invited 3 powiats and 5 urban-rural gminas " +
      // The page says "do dnia 27 kwietnia br." (this year) and carries no date of its own: the year is not a page fact.
      "(applications due 27 April of the page's year: \"do dnia 27 kwietnia br.\"; the page gives no year, 2018 only follows from the project's start).",
    totalValueGrosze: "1197747939",
    euCofinancingGrosze: "1009461962",
    moneySource: "000",
    goal:
      "Develop and implement a model of cooperation between social assistance and integration institutions and other sector policies (among others the labour market, " +
      "education, health care, the judiciary and the police) in urban-rural gminas with diagnosed needs in supporting families at risk of poverty or social exclusion; " +
      "a report on the pilot's effects recommends the model for use across the country in the recommendation book (Księga rekomendacyjna).",
    modelDescription:
      "County reflective groups (Powiatowe Grupy Refleksyjne), county decision-makers groups (Powiatowe Grupy Decydentów) and regional reflective groups " +
      "(Regionalne Grupy Refleksyjne), with individual and group coaching for social workers; the meetings are run by Uniwersytet Mikołaja Kopernika w Toruniu. " +
      "The model is piloted with selected families and institutions, and a report sums up the pilot's effects for urban-rural gminas.",
    cooperationLevels: [],
    selectionCriteria: [
      "różnorodność pod względem wysokości dochodów gminy przypadających na jednego mieszkańca",
      "doświadczenie w realizacji projektów",
      "liczba rodzin korzystających z pomocy społecznej",
      "liczba zawartych kontraktów socjalnych",
      "gminy posiadające zdiagnozowany przez pracownika socjalnego wspólnie ze środowiskiem osób/rodzin koszyk usług",
    ],
    supportForms: [ActivityKind.COACHING],
    source: "000",
    note: 'The sources disagree on the lead partner (see leadPartner). Page 002 writes the end date as "31.03.20121", a typo for 2021.',
    fields: {
      name: onPages("000", "002"),
      macroregion: inferred(
        "No page names this partnership's macroregion. Page 003 puts the rural-gmina model (Liderzy kooperacji) in macroregion I and page 004 puts Kooperacje 3D in macroregion III; " +
          "page 001 says there are 3 macroregions, so II follows by elimination.",
        "001",
        "003",
        "004",
      ),
      targetMunicipalityKinds: onPages("000", "002"),
      targetDescription: onPages("000", "002"),
      priorityAxis: onPages("002"),
      action: onPages("002"),
      fund: onPages("000", "002"),
      endsOn: onPages("000", "002"),
      euSharePercent: derived("euCofinancing ÷ totalValue × 100, to two decimals; page 000 states both amounts, not the share.", "000"),
      goal: onPages("000", "002"),
      modelDescription: onPages("000", "002"),
      selectionCriteria: onPages("002"),
      supportForms: onPages("000", "002"),
    },
    omitted: [{ what: "The contact person for applications (name and telephone number)", reason: OmissionReason.PERSONAL_DATA, page: "002" }],
    sources: ["000", "001", "002", "003", "004"],
    units: [
      voivodeship("04", "kujawsko-pomorskie"),
      voivodeship("08", "lubuskie"),
      voivodeship("22", "pomorskie"),
      voivodeship("28", "warmińsko-mazurskie"),
      voivodeship("30", "wielkopolskie"),
      voivodeship("32", "zachodniopomorskie"),
      { teryt: "2815", name: "powiat ostródzki", level: UnitLevel.POWIAT, parent: "28", population: 104000 },
    ],
    institutions: [
      {
        id: "rops-olsztyn",
        name: "Regionalny Ośrodek Polityki Społecznej w Olsztynie",
        shortName: "ROPS Olsztyn",
        kind: InstitutionKind.ROPS,
        city: "Olsztyn",
        voivodeship: "28",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Warmińsko-Mazurskie.",
        source: "000",
      },
      {
        id: "rops-zielona-gora",
        name: "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze",
        shortName: "ROPS Zielona Góra",
        kind: InstitutionKind.ROPS,
        city: "Zielona Góra",
        voivodeship: "08",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Lubuskie.",
        source: "000",
      },
      {
        id: "rops-poznan",
        name: "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
        shortName: "ROPS Poznań",
        kind: InstitutionKind.ROPS,
        city: "Poznań",
        voivodeship: "30",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Wielkopolskie.",
        source: "000",
      },
      {
        id: "rops-torun",
        name: "Regionalny Ośrodek Polityki Społecznej w Toruniu",
        shortName: "ROPS Toruń",
        kind: InstitutionKind.ROPS,
        city: "Toruń",
        voivodeship: "04",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Kujawsko-Pomorskie.",
        source: "000",
      },
      {
        id: "umk-torun",
        name: "Uniwersytet Mikołaja Kopernika w Toruniu",
        shortName: "UMK Toruń",
        kind: InstitutionKind.UNIVERSITY,
        city: "Toruń",
        voivodeship: "04",
        role: MemberRole.ACADEMIC_PARTNER,
        roleDescription: "Its representatives run the meetings of the groups.",
        source: "002",
      },
      {
        id: "rops-szczecin",
        name: "Regionalny Ośrodek Polityki Społecznej w Szczecinie",
        shortName: "ROPS Szczecin",
        kind: InstitutionKind.ROPS,
        city: "Szczecin",
        voivodeship: "32",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Zachodniopomorskie.",
        source: "000",
      },
      {
        id: "rops-gdansk",
        name: "Regionalny Ośrodek Polityki Społecznej w Gdańsku",
        shortName: "ROPS Gdańsk",
        kind: InstitutionKind.ROPS,
        city: "Gdańsk",
        voivodeship: "22",
        role: MemberRole.PARTNER,
        roleDescription: "Represents Województwo Pomorskie.",
        source: "000",
      },
      {
        id: "pcpr-ostroda",
        name: "Powiatowe Centrum Pomocy Rodzinie w Ostródzie",
        shortName: "PCPR Ostróda",
        kind: InstitutionKind.PCPR,
        city: "Ostróda",
        voivodeship: "28",
        role: MemberRole.PARTICIPANT,
        roleDescription: "Its director sits in the county decision-makers group.",
        source: "000",
      },
    ],
    leadClaims: [
      {
        institution: "rops-szczecin",
        quote: "Województwem Zachodniopomorskim/ Regionalnym Ośrodkiem Polityki Społecznej w Szczecinie (partner wiodący)",
        source: "000",
      },
      {
        institution: "rops-torun",
        quote: "wraz z ROPS-ami z województw: Kujawsko - Pomorskiego (partner wiodący)",
        source: "002",
      },
    ],
    structures: [
      {
        kind: CooperationBodyKind.COUNTY_REFLECTIVE_GROUP,
        localName: "Powiatowa Grupa Refleksyjna",
        description: "Representatives of local institutions of sector policies from the powiat and gmina level.",
        typicalMembers: 7,
        meetingFormat: "2-day meetings outside working hours; members are paid.",
        source: "002",
      },
      {
        kind: CooperationBodyKind.COUNTY_DECISION_MAKERS_GROUP,
        localName: "Powiatowa Grupa Decydentów",
        description: "A group of decision-makers at powiat level (15 persons).",
        typicalMembers: 15,
        meetingFormat: "1-day meetings.",
        source: "002",
      },
      {
        kind: CooperationBodyKind.REGIONAL_REFLECTIVE_GROUP,
        localName: "Regionalna Grupa Refleksyjna",
        description: "Representatives of sector-policy institutions of the voivodeship (regional) level.",
        typicalMembers: 20,
        meetingFormat: "1-day meetings.",
        source: "002",
      },
    ],
    sites: [
      {
        teryt: "2815",
        name: "Powiat ostródzki",
        status: SiteStatus.ACTIVE,
        source: "000",
        note: "Taking part: the director of PCPR Ostróda sits in the decision-makers group.",
      },
    ],
    bodies: [
      {
        id: "grupa-decydentow-ostrodzki",
        kind: CooperationBodyKind.COUNTY_DECISION_MAKERS_GROUP,
        name: "Powiatowa Grupa Decydentów – powiat ostródzki",
        site: "2815",
        meetingFormat: "1-day meetings.",
        source: "000",
        fields: {
          meetingFormat: inferred(
            "Page 000 does not say how this group meets; page 002 says the project's county decision-makers groups hold 1-day meetings.",
            "002",
          ),
        },
        members: [
          {
            institution: "pcpr-ostroda",
            representation: "Director of PCPR Ostróda.",
            source: "000",
            omitted: [
              {
                what: "The director's name",
                reason: OmissionReason.PERSONAL_DATA,
                page: "000",
                note: "The hub records that the director of PCPR Ostróda sits in the group, not who the director is.",
              },
            ],
          },
        ],
      },
    ],
  },

  kooperacje3d: {
    key: "kooperacje3d",
    name: "Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin",
    macroregion: "III",
    targetMunicipalityKinds: [MunicipalityKind.URBAN, MunicipalityKind.URBAN_RURAL],
    targetDescription:
      "30 gminas of over 20 000 inhabitants and 20 powiats in the śląskie, łódzkie, małopolskie and opolskie voivodeships (5 gminas and 5 powiats in małopolskie); " +
      "the recommendations take account of towns of over 20 000 inhabitants; in each gmina 5 to 10 persons or families are supported under the model.",
    totalValueGrosze: "996699550",
    euCofinancingGrosze: "840018380",
    moneySource: "001",
    goal:
      "Increase cooperation and improve collaboration between social assistance and integration institutions and other sector policies that matter for social inclusion " +
      "and fighting poverty (the labour market, education, health care, the judiciary and the police), by developing and testing a cooperation model in 30 gminas and 20 powiats; " +
      "its recommendations go into the recommendation book that sums up the models of the 3 macroregions.",
    modelDescription:
      'Cooperation on three levels ("3D"): institution (formal local partnerships of social assistance with other sectors), worker (social workers with workers ' +
      "of other institutions) and client (social worker with client: an individualised, cross-sector diagnosis of needs leading to a social contract). " +
      "Formal cross-sector partnership teams (Partnerskie Zespoły Kooperacyjne) work in the gminas, helped by an animator-moderator.",
    cooperationLevels: [CooperationLevel.INSTITUTION, CooperationLevel.WORKER, CooperationLevel.CLIENT],
    selectionCriteria: [],
    supportForms: [
      ActivityKind.TRAINING,
      ActivityKind.CONFERENCE,
      ActivityKind.EDUCATIONAL_MEETING,
      ActivityKind.CONSULTATION_MEETING,
      ActivityKind.WORKSHOP,
      ActivityKind.COACHING,
      ActivityKind.ANIMATION,
    ],
    source: "001",
    fields: {
      name: onPages("001", "004"),
      macroregion: onPages("004"),
      targetMunicipalityKinds: inferred(
        "The pages name no kind of gmina: they say gminas of over 20 000 inhabitants (page 001, page 004) and towns of over 20 000 inhabitants (page 001). " +
          "A town is an urban gmina or the seat of an urban-rural one, so those two kinds are inferred; a rural gmina of over 20 000 inhabitants would not be excluded by the pages' words.",
        "001",
        "004",
      ),
      targetDescription: onPages("001", "004"),
      programme: onPages("001", "004"),
      priorityAxis: onPages("001", "004"),
      action: onPages("001", "004"),
      fund: onPages("001", "004"),
      startsOn: onPages("001", "004"),
      endsOn: onPages("001", "004"),
      goal: onPages("001", "004"),
      modelDescription: onPages("001", "004"),
      cooperationLevels: onPages("001", "004"),
    },
    sources: ["001", "003", "004"],
    units: [
      voivodeship("10", "łódzkie"),
      voivodeship("12", "małopolskie"),
      voivodeship("16", "opolskie"),
      voivodeship("24", "śląskie"),
      { teryt: "1012", name: "powiat radomszczański", level: UnitLevel.POWIAT, parent: "10", population: 112000 },
      { teryt: "1012011", name: "Radomsko", level: UnitLevel.GMINA, municipalityKind: MunicipalityKind.URBAN, parent: "1012", population: 46000 },
    ],
    institutions: [
      {
        id: "rops-katowice",
        name: "Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego",
        shortName: "ROPS Katowice",
        kind: InstitutionKind.ROPS,
        city: "Katowice",
        voivodeship: "24",
        role: MemberRole.PARTNER,
        source: "004",
        fields: { city: onPages("001") },
      },
      {
        id: "rcps-lodz",
        name: "Regionalne Centrum Polityki Społecznej w Łodzi",
        shortName: "RCPS Łódź",
        kind: InstitutionKind.RCPS,
        city: "Łódź",
        voivodeship: "10",
        role: MemberRole.PARTNER,
        source: "004",
      },
      {
        id: "rops-krakow",
        name: "Regionalny Ośrodek Polityki Społecznej w Krakowie",
        shortName: "ROPS Kraków",
        kind: InstitutionKind.ROPS,
        city: "Kraków",
        voivodeship: "12",
        role: MemberRole.PARTNER,
        source: "001",
      },
      {
        id: "rops-opole",
        name: "Regionalny Ośrodek Polityki Społecznej w Opolu",
        shortName: "ROPS Opole",
        kind: InstitutionKind.ROPS,
        city: "Opole",
        voivodeship: "16",
        role: MemberRole.PARTNER,
        source: "004",
      },
      {
        id: "pcpr-radomsko",
        name: "Powiatowe Centrum Pomocy Rodzinie w Radomsku",
        shortName: "PCPR Radomsko",
        kind: InstitutionKind.PCPR,
        city: "Radomsko",
        voivodeship: "10",
        role: MemberRole.PARTICIPANT,
        roleDescription: "Declared joining the partnership cooperation team of Gmina Miasto Radomsko on 2019-10-09.",
        source: "004",
      },
    ],
    leadClaims: [
      {
        institution: "rops-katowice",
        quote: "Liderem projektu jest Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego",
        source: "004",
      },
    ],
    structures: [
      {
        kind: CooperationBodyKind.PARTNERSHIP_COOPERATION_TEAM,
        localName: "Partnerski Zespół Kooperacyjny",
        description:
          "A formalised cross-sector, cross-departmental and cross-organisational partnership of the local institutions that matter for supporting persons, " +
          "families and social groups; supported by an animator-moderator.",
        source: "004",
        // The definition is page 004's; the animator-moderator is page 001's.
        fields: { description: onPages("004", "001") },
      },
    ],
    sites: [
      {
        teryt: "1012011",
        name: "Gmina Miasto Radomsko",
        status: SiteStatus.ACTIVE,
        // Page 004 names the agreement ("W związku z zawartym Porozumieniem o współpracy…") but not its parties or date.
        agreement:
          "Porozumienie o współpracy under the Kooperacje 3D project (its parties and date are not on the page); under it PCPR Radomsko declared joining the team of Gmina Miasto Radomsko on 2019-10-09.",
        source: "004",
        note: "Among the 30 gminas over 20 000 inhabitants of macroregion III.",
      },
      {
        teryt: "1012",
        name: "Powiat radomszczański",
        status: SiteStatus.ACTIVE,
        source: "004",
        note: "Among the 20 powiats of macroregion III.",
      },
    ],
    bodies: [
      {
        id: "pzk-radomsko",
        kind: CooperationBodyKind.PARTNERSHIP_COOPERATION_TEAM,
        name: "Partnerski Zespół Kooperacyjny w Gminie Miasto Radomsko",
        site: "1012011",
        source: "004",
        members: [
          {
            institution: "pcpr-radomsko",
            joinedOn: "2019-10-09",
            representation: "PCPR Radomsko declared joining the team on 2019-10-09.",
            source: "004",
          },
        ],
      },
    ],
  },
};
