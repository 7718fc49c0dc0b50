import { type PartnershipKey } from "@kooperacja/contract";
import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import { ActivityKind, CooperationBodyKind, CooperationLevel, InstitutionKind, SiteStatus, UnitLevel } from "../common/enums";
import { PARTNERSHIP_FACTS } from "./public-facts";
import { quarterOfDay } from "../common/quarters";
import { isoDate, prng, seedOf } from "./synthetic";

/**
 * The synthetic national data set: the models rolled out to every gmina of
 * each macroregion's voivodeships, for measuring the hub at national size.
 * A pure, deterministic generator (same scale and seed, same rows on every
 * machine), streamed one site at a time so the national scale never sits in
 * memory whole. The rows are plain column values for bulk inserts.
 */

/**
 * Gminas and powiats per voivodeship (GUS TERYT register, 2021: 2 477 gminas,
 * 380 powiats). Dolnośląskie (02, 169 gminas, 30 powiats) belongs to none of
 * the three macroregions, so the national set covers 2 308 gminas.
 */
export const VOIVODESHIP_SIZES: Record<string, { gminas: number; powiats: number }> = {
  "02": { gminas: 169, powiats: 30 },
  "04": { gminas: 144, powiats: 23 },
  "06": { gminas: 213, powiats: 24 },
  "08": { gminas: 82, powiats: 14 },
  "10": { gminas: 177, powiats: 24 },
  "12": { gminas: 182, powiats: 22 },
  "14": { gminas: 314, powiats: 42 },
  "16": { gminas: 71, powiats: 12 },
  "18": { gminas: 160, powiats: 25 },
  "20": { gminas: 118, powiats: 17 },
  "22": { gminas: 123, powiats: 20 },
  "24": { gminas: 167, powiats: 36 },
  "26": { gminas: 102, powiats: 14 },
  "28": { gminas: 116, powiats: 21 },
  "30": { gminas: 226, powiats: 35 },
  "32": { gminas: 113, powiats: 21 },
};

export interface NationalScale {
  /** Gminas per voivodeship that take part; null for all of them. */
  sitesPerVoivodeship: number | null;
  /** Supported families per site, drawn evenly between the two. */
  families: readonly [number, number];
}

/** Named scales: `national` is the acceptance size; the smaller ones are for tests and quick runs. */
export const NATIONAL_SCALES: Record<string, NationalScale> = {
  tiny: { sitesPerVoivodeship: 2, families: [3, 6] },
  small: { sitesPerVoivodeship: 10, families: [20, 40] },
  medium: { sitesPerVoivodeship: 40, families: [60, 100] },
  national: { sitesPerVoivodeship: null, families: [110, 170] },
};

/** The roll-out runs 2019-Q1 .. 2026-Q4. */
const FIRST_YEAR = 2019;
const LAST_YEAR = 2026;
const QUARTERS = Array.from({ length: (LAST_YEAR - FIRST_YEAR + 1) * 4 }, (_, index) => `${FIRST_YEAR + Math.floor(index / 4)}-Q${(index % 4) + 1}`);
const LEVELS = [CooperationLevel.CLIENT, CooperationLevel.CLIENT, CooperationLevel.WORKER, CooperationLevel.INSTITUTION];
/** The institutions that sit in each synthetic site's cooperation team: one per sector the models bring together. */
const SITE_INSTITUTIONS: { kind: InstitutionKind; sector: Sector; name: (gmina: string) => string; short: string }[] = [
  { kind: InstitutionKind.OPS, sector: Sector.SOCIAL_ASSISTANCE, name: (gmina) => `Ośrodek Pomocy Społecznej w gminie ${gmina}`, short: "OPS" },
  { kind: InstitutionKind.LOCAL_GOVERNMENT, sector: Sector.LOCAL_GOVERNMENT, name: (gmina) => `Urząd Gminy ${gmina}`, short: "UG" },
  { kind: InstitutionKind.NGO, sector: Sector.NGO, name: (gmina) => `Stowarzyszenie na rzecz rodzin gminy ${gmina}`, short: "NGO" },
  { kind: InstitutionKind.OTHER, sector: Sector.EDUCATION, name: (gmina) => `Szkoła Podstawowa w gminie ${gmina}`, short: "SP" },
];
const CODE_PREFIX: Record<PartnershipKey, string> = { liderzy: "LK", kooperacja: "KES", kooperacje3d: "K3D" };

/** Column values of one row, by entity property (foreign keys as ids). */
export type Row = Record<string, string | number | boolean | null>;

/** The rows of one table, in insert order (parents before children). */
export type NationalTable =
  | "territorialUnits"
  | "pilotSites"
  | "institutions"
  | "cooperationBodies"
  | "bodyMembers"
  | "bodyMeetings"
  | "supportedFamilies"
  | "supportActivities"
  | "indicatorValues";
export const NATIONAL_TABLES: readonly NationalTable[] = [
  "territorialUnits",
  "pilotSites",
  "institutions",
  "cooperationBodies",
  "bodyMembers",
  "bodyMeetings",
  "supportedFamilies",
  "supportActivities",
  "indicatorValues",
];
export type NationalBatch = Record<NationalTable, Row[]>;

function emptyBatch(): NationalBatch {
  return Object.fromEntries(NATIONAL_TABLES.map((table) => [table, []])) as unknown as NationalBatch;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** TERYT type digit and kind: roughly the national mix of rural, urban-rural and urban gminas. */
function municipalityKind(draw: number): [MunicipalityKind, number] {
  if (draw < 0.62) return [MunicipalityKind.RURAL, 2];
  if (draw < 0.88) return [MunicipalityKind.URBAN_RURAL, 3];
  return [MunicipalityKind.URBAN, 1];
}

/**
 * The national rows of one partnership's shard, a batch per voivodeship's
 * powiats and then a batch per site. Codes the public facts already hold
 * (real pilot sites and their powiats) are left to the facts: a synthetic
 * gmina never takes a real one's code.
 */
export function* nationalRows(partnership: PartnershipKey, scale: NationalScale, seed: number): Generator<NationalBatch> {
  const facts = PARTNERSHIP_FACTS[partnership];
  const taken = new Set(facts.units.map((unit) => unit.teryt));
  const bodyKinds = [...new Set(facts.bodies.map((body) => body.kind))].filter((kind) => kind !== CooperationBodyKind.SCHOOL_OF_COOPERATION);
  const bodyKind = bodyKinds[0] ?? CooperationBodyKind.PARTNERSHIP_COOPERATION_TEAM;
  const voivodeships = facts.units.filter((unit) => unit.level === UnitLevel.VOIVODESHIP).map((unit) => unit.teryt);

  for (const voivodeship of voivodeships) {
    const size = VOIVODESHIP_SIZES[voivodeship]!;
    const random = prng(seedOf(`${seed}:${partnership}:${voivodeship}`));
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const gminas = Math.min(size.gminas, scale.sitesPerVoivodeship ?? size.gminas);
    const powiats = Math.min(size.powiats, gminas);

    const territory = emptyBatch();
    for (let p = 1; p <= powiats; p++) {
      const teryt = `${voivodeship}${pad(p, 2)}`;
      if (taken.has(teryt)) continue;
      territory.territorialUnits.push(unitRow(teryt, `powiat syntetyczny ${teryt}`, UnitLevel.POWIAT, null, int(40_000, 160_000), voivodeship));
    }
    yield territory;

    for (let g = 0; g < gminas; g++) {
      const powiat = `${voivodeship}${pad((g % powiats) + 1, 2)}`;
      const [kind, digit] = municipalityKind(random());
      const teryt = `${powiat}${pad(Math.floor(g / powiats) + 1, 2)}${digit}`;
      if (taken.has(teryt)) continue;
      yield siteRows(partnership, teryt, powiat, kind, bodyKind, facts.supportForms, scale, seed);
    }
  }
}

function unitRow(teryt: string, name: string, level: UnitLevel, kind: MunicipalityKind | null, population: number, parent: string): Row {
  return { id: teryt, teryt, name, level, municipalityKind: kind, population, parent };
}

/** Everything of one synthetic pilot site: its gmina, institutions, body, meetings, activities, families and indicator values. */
function siteRows(
  partnership: PartnershipKey,
  teryt: string,
  powiat: string,
  kind: MunicipalityKind,
  bodyKind: CooperationBodyKind,
  supportForms: readonly ActivityKind[],
  scale: NationalScale,
  seed: number,
): NationalBatch {
  const random = prng(seedOf(`${seed}:${partnership}:${teryt}`));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const rows = emptyBatch();
  const gmina = `S-${teryt}`;
  const joinedOn = isoDate(FIRST_YEAR - 1, int(6, 12), int(1, 28));

  rows.territorialUnits.push(unitRow(teryt, `Gmina syntetyczna ${teryt}`, UnitLevel.GMINA, kind, int(2_000, 60_000), powiat));
  rows.pilotSites.push({ id: teryt, name: `Gmina ${gmina}`, unit: teryt, status: SiteStatus.ACTIVE, joinedOn, agreement: null });

  const bodyId = `${teryt}-B1`;
  rows.cooperationBodies.push({
    id: bodyId,
    kind: bodyKind,
    name: `Zespół kooperacji gminy ${gmina}`,
    site: teryt,
    memberCount: SITE_INSTITUTIONS.length,
    meetingFormat: "quarterly",
  });
  for (const institution of SITE_INSTITUTIONS) {
    const id = `${teryt}-${institution.short}`;
    rows.institutions.push({
      id,
      name: institution.name(gmina),
      shortName: `${institution.short} ${gmina}`,
      kind: institution.kind,
      sector: institution.sector,
      city: null,
      voivodeship: teryt.slice(0, 2),
    });
    rows.bodyMembers.push({ id: `${bodyId}:${id}`, body: bodyId, institution: id, joinedOn, representation: null });
  }
  QUARTERS.forEach((quarter, index) => {
    const year = FIRST_YEAR + Math.floor(index / 4);
    const month = (index % 4) * 3 + int(1, 3);
    rows.bodyMeetings.push({
      id: `${bodyId}-M${index + 1}`,
      body: bodyId,
      heldOn: isoDate(year, month, int(1, 28)),
      participants: int(4, 12),
      topic: `Posiedzenie ${quarter}`,
    });
    if (index % 3 === 0) {
      const activity = supportForms[int(0, supportForms.length - 1)] ?? ActivityKind.TRAINING;
      rows.supportActivities.push({
        id: `${teryt}-A${index + 1}`,
        kind: activity,
        title: `${activity.toLowerCase().replace(/_/g, " ")} ${quarter}`,
        heldOn: isoDate(year, month, int(1, 28)),
        site: teryt,
        participants: int(6, 30),
        costGrosze: String(int(50, 400) * 10_000),
      });
    }
  });

  const prefix = CODE_PREFIX[partnership];
  const families = int(scale.families[0], scale.families[1]);
  const active = new Array<number>(QUARTERS.length).fill(0);
  const started = new Array<number>(QUARTERS.length).fill(0);
  const lastQuarter = QUARTERS.length - 1;
  for (let n = 1; n <= families; n++) {
    const id = `${prefix}-${teryt}-${pad(n, 5)}`;
    const startedOn = isoDate(int(FIRST_YEAR, LAST_YEAR - 1), int(1, 12), int(1, 28));
    const first = QUARTERS.indexOf(quarterOfDay(startedOn));
    const last = first + int(8, 18);
    const endedOn = last <= lastQuarter ? endOfQuarter(QUARTERS[last]!) : null;
    const socialContract = random() < 0.8;
    rows.supportedFamilies.push({ id, code: id, site: teryt, cooperationLevel: LEVELS[int(0, LEVELS.length - 1)]!, socialContract, startedOn, endedOn });
    started[first]!++;
    let met = int(0, 4) * 5;
    for (let q = first; q <= Math.min(last, lastQuarter); q++) {
      active[q]!++;
      if (!socialContract) continue;
      met = Math.min(100, met + int(0, 3) * 5);
      rows.indicatorValues.push({
        id: `CONTRACT_GOALS_MET:${id}:${QUARTERS[q]}`,
        indicator: "CONTRACT_GOALS_MET",
        site: teryt,
        family: id,
        period: QUARTERS[q]!,
        value: met,
      });
    }
  }
  QUARTERS.forEach((period, index) => {
    const site = (indicator: string, value: number) =>
      rows.indicatorValues.push({ id: `${indicator}:${teryt}:${period}`, indicator, site: teryt, family: null, period, value });
    site("FAMILIES_SUPPORTED", active[index]!);
    site("SOCIAL_CONTRACTS_CONCLUDED", Math.round(started[index]! * 0.8));
    site("BODY_MEETINGS_HELD", 1);
    site("WORKERS_COACHED", int(0, 8));
    if (partnership === "liderzy") site("SCHOOL_OF_COOPERATION_PARTICIPANTS", int(0, 6));
  });
  return rows;
}

function endOfQuarter(quarter: string): string {
  const [year, q] = quarter.split("-Q").map(Number) as [number, number];
  return isoDate(year, q * 3, q === 1 || q === 4 ? 31 : 30);
}
