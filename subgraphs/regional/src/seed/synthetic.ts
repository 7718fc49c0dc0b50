import type { PartnershipKey } from "@kooperacja/contract";
import { ActivityKind, CooperationLevel } from "../common/enums";
import { quarterOfDay } from "../common/quarters";

/**
 * Deterministic demo records for the pilot sites: the source pages give no
 * families or outcomes, but dashboards need something to show. Every record
 * made here is flagged SYNTHETIC_DEMO in the API. Same inputs, same rows.
 */

const QUARTERS = ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"];
const CODE_PREFIX: Record<PartnershipKey, string> = { liderzy: "LK", kooperacja: "KES", kooperacje3d: "K3D" };
const LEVELS = [CooperationLevel.CLIENT, CooperationLevel.CLIENT, CooperationLevel.WORKER, CooperationLevel.INSTITUTION];

/** mulberry32: a tiny seeded PRNG, so the demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface SyntheticFamily {
  id: string;
  code: string;
  site: string;
  cooperationLevel: CooperationLevel;
  socialContract: boolean;
  startedOn: string;
  endedOn: string | null;
}

export interface SyntheticActivity {
  id: string;
  site: string;
  kind: ActivityKind;
  title: string;
  heldOn: string;
  participants: number;
}

export interface SyntheticValue {
  id: string;
  indicator: string;
  site: string;
  family: string | null;
  period: string;
  value: number;
}

export interface SyntheticSite {
  families: SyntheticFamily[];
  activities: SyntheticActivity[];
  values: SyntheticValue[];
}

/**
 * Demo data for one site. `scale` multiplies the number of families (5 to 10
 * per site at scale 1, as Kooperacje 3D plans per gmina).
 */
export function syntheticSite(partnership: PartnershipKey, siteId: string, supportForms: ActivityKind[], scale: number): SyntheticSite {
  const random = prng(seedOf(`${partnership}:${siteId}`));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const familyCount = int(5, 10) * scale;
  const families: SyntheticFamily[] = [];
  for (let n = 1; n <= familyCount; n++) {
    const code = `${CODE_PREFIX[partnership]}-${siteId}-${String(n).padStart(4, "0")}`;
    const start = isoDate(int(2019, 2020), int(1, 6), int(1, 28));
    const ended = random() < 0.6;
    families.push({
      id: code,
      code,
      site: siteId,
      cooperationLevel: LEVELS[int(0, LEVELS.length - 1)]!,
      socialContract: random() < 0.7,
      startedOn: start,
      endedOn: ended ? isoDate(Number(start.slice(0, 4)) + 1, int(1, 3), int(1, 28)) : null,
    });
  }

  const forms = supportForms.length > 0 ? supportForms : [ActivityKind.TRAINING];
  const activities: SyntheticActivity[] = [];
  for (let n = 1; n <= 4; n++) {
    const kind = forms[int(0, forms.length - 1)]!;
    activities.push({
      id: `${siteId}-A${n}`,
      site: siteId,
      kind,
      title: `Demo ${kind.toLowerCase().replace(/_/g, " ")} ${n}`,
      heldOn: isoDate(2019, n * 2, int(1, 28)),
      participants: int(6, 30),
    });
  }

  const values: SyntheticValue[] = [];
  for (const period of QUARTERS) {
    const active = families.filter((family) => quarterOfDay(family.startedOn) <= period && (!family.endedOn || quarterOfDay(family.endedOn) >= period));
    const started = families.filter((family) => quarterOfDay(family.startedOn) === period);
    const site = (indicator: string, value: number) =>
      values.push({ id: `${indicator}:${siteId}:${period}`, indicator, site: siteId, family: null, period, value });
    site("FAMILIES_SUPPORTED", active.length);
    site("SOCIAL_CONTRACTS_CONCLUDED", started.filter((family) => family.socialContract).length);
    site("BODY_MEETINGS_HELD", int(0, 3));
    site("WORKERS_COACHED", int(0, 8));
  }
  if (partnership === "liderzy") {
    // Its own generator, so the shared indicators' demo values stay as they were before this one existed.
    const school = prng(seedOf(`${partnership}:${siteId}:school`));
    for (const period of QUARTERS) {
      const indicator = "SCHOOL_OF_COOPERATION_PARTICIPANTS";
      values.push({ id: `${indicator}:${siteId}:${period}`, indicator, site: siteId, family: null, period, value: Math.floor(school() * 7) });
    }
  }
  for (const family of families) {
    if (!family.socialContract) continue;
    const period = quarterOfDay(family.endedOn ?? "2020-12-31");
    values.push({
      id: `CONTRACT_GOALS_MET:${family.id}:${period}`,
      indicator: "CONTRACT_GOALS_MET",
      site: siteId,
      family: family.id,
      period,
      value: int(0, 20) * 5,
    });
  }
  return { families, activities, values };
}

export interface SyntheticMeeting {
  id: string;
  body: string;
  heldOn: string;
  participants: number;
  topic: string;
}

/** Demo meetings of one cooperation body: 3 to 6 in 2019-2020. */
export function syntheticMeetings(partnership: PartnershipKey, bodyId: string): SyntheticMeeting[] {
  const random = prng(seedOf(`${partnership}:${bodyId}:meetings`));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: int(3, 6) }, (_, index) => ({
    id: `${bodyId}-M${index + 1}`,
    body: bodyId,
    heldOn: isoDate(int(2019, 2020), int(1, 12), int(1, 28)),
    participants: int(5, 20),
    topic: `Demo meeting ${index + 1}`,
  }));
}
