import type { PartnershipKey } from "@kooperacja/shared";
import {
  ActivityKind,
  CooperationBodyKind,
  CooperationLevel,
  InstitutionKind,
  MemberRole,
  MunicipalityKind,
  SiteStatus,
  UnitLevel,
} from "../common/enums";

/**
 * The public facts of shared/DOMAIN.md, each with the source page it comes
 * from. Plain data: the seeder turns it into rows. Where the pages disagree
 * (the lead partner of Kooperacja) both claims are kept.
 */

export interface SourceFact {
  code: string;
  fileName: string;
  publisher: string;
  title: string;
}

export const SOURCES: Record<string, SourceFact> = {
  "000": {
    code: "000",
    fileName: "000_13c2998b6788e823.txt",
    publisher: "Powiatowe Centrum Pomocy Rodzinie w Ostródzie (PCPR Ostróda)",
    title: "Dyrektor PCPR w Grupie Decydentów partnerskiego projektu \"Kooperacja - efektywna i skuteczna\"",
  },
  "001": {
    code: "001",
    fileName: "001_064c6710cab95ea6.txt",
    publisher: "Regionalny Ośrodek Polityki Społecznej w Krakowie (ROPS Kraków)",
    title: "KOOPERACJE 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin: O projekcie",
  },
  "002": {
    code: "002",
    fileName: "002_34c6039c66b9a543.txt",
    publisher: "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze (ROPS Zielona Góra)",
    title: "Zapraszamy do udziału w projekcie „Kooperacja – efektywna i skuteczna”",
  },
  "003": {
    code: "003",
    fileName: "003_5deb7787be237042.txt",
    publisher: "Powiat Wysokomazowiecki (Starostwo Powiatowe w Wysokiem Mazowieckiem)",
    title: "Liderzy kooperacji - Powiat Wysokomazowiecki przystąpił do uczestnictwa w projekcie",
  },
  "004": {
    code: "004",
    fileName: "004_9e10d29d222c4681.txt",
    publisher: "Powiatowe Centrum Pomocy Rodzinie w Radomsku (PCPR Radomsko)",
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

export interface InstitutionFact {
  id: string;
  name: string;
  shortName: string;
  kind: InstitutionKind;
  city: string;
  voivodeship: string;
  role: MemberRole;
  roleDescription?: string;
  source: string;
}

export interface PartnershipFacts {
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
  structures: {
    kind: CooperationBodyKind;
    localName: string;
    description: string;
    typicalMembers?: number;
    meetingFormat?: string;
    source: string;
  }[];
  sites: {
    teryt: string;
    name: string;
    status: SiteStatus;
    joinedOn?: string;
    agreement?: string;
    source: string;
    note?: string;
  }[];
  bodies: {
    id: string;
    kind: CooperationBodyKind;
    name: string;
    site?: string;
    memberCount?: number;
    meetingFormat?: string;
    source: string;
    members: { institution: string; joinedOn?: string; representation?: string; source: string }[];
  }[];
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

const COMMON_GOAL =
  "Develop, pilot and roll out a model of cooperation between social assistance and integration institutions and other sector policies " +
  "(labour market, education, health, judiciary, police, NGOs) for persons and families at risk of poverty or social exclusion; " +
  "the results go into the national recommendation book (Księga rekomendacyjna).";

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
    goal: COMMON_GOAL,
    modelDescription:
      "A pilot model of cooperation of the gmina social assistance centre (OPS) with powiat institutions and other sectors (police, courts, education, NGOs). " +
      "It describes an individualised diagnosis of the needs of persons and families with comprehensive cross-sector support, and a scheme of " +
      "multi-dimensional responses aiming at their social, vocational and civic independence. Participants build the model's assumptions, test it, " +
      "run a social project on it, and take part in conferences, seminar-workshops, trainings, partner exchange meetings and an educational platform; " +
      "support comes as advisory, coaching, supervision and specialist trainings in a regional and supra-regional \"Szkoła kooperacji\".",
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
    sources: ["003"],
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
        agreement: "Qualified as a rural gmina of Powiat Wysokomazowiecki under its agreement of 2018-06-21.",
        source: "003",
      },
      {
        teryt: "2013052",
        name: "Gmina Kobylin-Borzymy",
        status: SiteStatus.QUALIFIED,
        agreement: "Qualified as a rural gmina of Powiat Wysokomazowiecki under its agreement of 2018-06-21.",
        source: "003",
      },
    ],
    bodies: [
      {
        id: "szkola-kooperacji-podlaskie",
        kind: CooperationBodyKind.SCHOOL_OF_COOPERATION,
        name: "Szkoła kooperacji (regional, podlaskie)",
        source: "003",
        members: [{ institution: "rops-bialystok", representation: "Organises the regional school for podlaskie.", source: "003" }],
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
    goal: COMMON_GOAL,
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
    note:
      "The sources disagree on the lead partner (see leadPartner). Page 002 writes the end date as \"31.03.20121\", a typo for 2021. " +
      "Macroregion II is inferred, not stated: no page names this partnership's macroregion; page 003 puts the rural-gmina model in macroregion I and page 004 Kooperacje 3D in macroregion III, so II follows by elimination. " +
      "Lubuskie's invitation (3 powiats, 5 urban-rural gminas), the selection criteria and the application deadline are on page 002, not on page 000 that this record cites.",
    sources: ["000", "002"],
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
      { id: "rops-olsztyn", name: "Regionalny Ośrodek Polityki Społecznej w Olsztynie", shortName: "ROPS Olsztyn", kind: InstitutionKind.ROPS, city: "Olsztyn", voivodeship: "28", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Warmińsko-Mazurskie.", source: "000" },
      { id: "rops-zielona-gora", name: "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze", shortName: "ROPS Zielona Góra", kind: InstitutionKind.ROPS, city: "Zielona Góra", voivodeship: "08", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Lubuskie.", source: "000" },
      { id: "rops-poznan", name: "Regionalny Ośrodek Polityki Społecznej w Poznaniu", shortName: "ROPS Poznań", kind: InstitutionKind.ROPS, city: "Poznań", voivodeship: "30", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Wielkopolskie.", source: "000" },
      { id: "rops-torun", name: "Regionalny Ośrodek Polityki Społecznej w Toruniu", shortName: "ROPS Toruń", kind: InstitutionKind.ROPS, city: "Toruń", voivodeship: "04", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Kujawsko-Pomorskie.", source: "000" },
      { id: "umk-torun", name: "Uniwersytet Mikołaja Kopernika w Toruniu", shortName: "UMK Toruń", kind: InstitutionKind.UNIVERSITY, city: "Toruń", voivodeship: "04", role: MemberRole.ACADEMIC_PARTNER, roleDescription: "Its representatives run the meetings of the groups.", source: "002" },
      { id: "rops-szczecin", name: "Regionalny Ośrodek Polityki Społecznej w Szczecinie", shortName: "ROPS Szczecin", kind: InstitutionKind.ROPS, city: "Szczecin", voivodeship: "32", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Zachodniopomorskie.", source: "000" },
      { id: "rops-gdansk", name: "Regionalny Ośrodek Polityki Społecznej w Gdańsku", shortName: "ROPS Gdańsk", kind: InstitutionKind.ROPS, city: "Gdańsk", voivodeship: "22", role: MemberRole.PARTNER, roleDescription: "Represents Województwo Pomorskie.", source: "000" },
      { id: "pcpr-ostroda", name: "Powiatowe Centrum Pomocy Rodzinie w Ostródzie", shortName: "PCPR Ostróda", kind: InstitutionKind.PCPR, city: "Ostróda", voivodeship: "28", role: MemberRole.PARTICIPANT, roleDescription: "Its director sits in the county decision-makers group.", source: "000" },
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
        description: "Decision-makers of the powiat's institutions.",
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
        members: [{ institution: "pcpr-ostroda", representation: "Director of PCPR Ostróda.", source: "000" }],
      },
    ],
  },

  kooperacje3d: {
    key: "kooperacje3d",
    name: "Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin",
    macroregion: "III",
    targetMunicipalityKinds: [MunicipalityKind.URBAN, MunicipalityKind.URBAN_RURAL],
    targetDescription:
      "Towns over 20 000 inhabitants: 30 gminas and 20 powiats in the śląskie, łódzkie, małopolskie and opolskie voivodeships (5 gminas and 5 powiats in " +
      "małopolskie); in each gmina 5 to 10 persons or families are supported under the model.",
    totalValueGrosze: "996699550",
    euCofinancingGrosze: "840018380",
    moneySource: "001",
    goal: COMMON_GOAL,
    modelDescription:
      "Cooperation on three levels (\"3D\"): institution (formal local partnerships of social assistance with other sectors), worker (social workers with workers " +
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
    sources: ["001", "004"],
    units: [
      voivodeship("10", "łódzkie"),
      voivodeship("12", "małopolskie"),
      voivodeship("16", "opolskie"),
      voivodeship("24", "śląskie"),
      { teryt: "1012", name: "powiat radomszczański", level: UnitLevel.POWIAT, parent: "10", population: 112000 },
      { teryt: "1012011", name: "Radomsko", level: UnitLevel.GMINA, municipalityKind: MunicipalityKind.URBAN, parent: "1012", population: 46000 },
    ],
    institutions: [
      { id: "rops-katowice", name: "Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego", shortName: "ROPS Katowice", kind: InstitutionKind.ROPS, city: "Katowice", voivodeship: "24", role: MemberRole.PARTNER, source: "004" },
      { id: "rcps-lodz", name: "Regionalne Centrum Polityki Społecznej w Łodzi", shortName: "RCPS Łódź", kind: InstitutionKind.RCPS, city: "Łódź", voivodeship: "10", role: MemberRole.PARTNER, source: "004" },
      { id: "rops-krakow", name: "Regionalny Ośrodek Polityki Społecznej w Krakowie", shortName: "ROPS Kraków", kind: InstitutionKind.ROPS, city: "Kraków", voivodeship: "12", role: MemberRole.PARTNER, source: "001" },
      { id: "rops-opole", name: "Regionalny Ośrodek Polityki Społecznej w Opolu", shortName: "ROPS Opole", kind: InstitutionKind.ROPS, city: "Opole", voivodeship: "16", role: MemberRole.PARTNER, source: "004" },
      { id: "pcpr-radomsko", name: "Powiatowe Centrum Pomocy Rodzinie w Radomsku", shortName: "PCPR Radomsko", kind: InstitutionKind.PCPR, city: "Radomsko", voivodeship: "10", role: MemberRole.PARTICIPANT, roleDescription: "Declared joining the partnership cooperation team of Gmina Miasto Radomsko on 2019-10-09.", source: "004" },
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
