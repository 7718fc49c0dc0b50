import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { IndicatorAggregation, IndicatorBasis, IndicatorDirection, IndicatorLevel } from "../common/enums";

export interface CatalogueEntry {
  code: string;
  name: string;
  unit: string;
  definition: string;
  level: IndicatorLevel;
  /** The values count or describe supported families: in small numbers they are personal data, shown only to the owner or suppressed. */
  aboutFamilies: boolean;
  basis: IndicatorBasis;
  aggregation: IndicatorAggregation;
  direction: IndicatorDirection;
  reportedBy: readonly PartnershipKey[];
  regionSpecific: boolean;
}

const common = {
  level: IndicatorLevel.SITE,
  aboutFamilies: false,
  basis: IndicatorBasis.REPORTED,
  aggregation: IndicatorAggregation.SUM,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  reportedBy: PARTNERSHIP_KEYS,
  regionSpecific: false,
} as const;

/**
 * The indicators the three models share, the same codes in every shard; the
 * code is the truth and each shard's table is brought in line with it at
 * start. REPORTED indicators are values the regions report per site and
 * quarter; RECORDS indicators the hub computes from the regions' own records
 * (see analytics/facts.ts), dated to the day, so they compare by month too.
 */
export const INDICATOR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    ...common,
    code: "FAMILIES_SUPPORTED",
    // Not "families supported": the quarters add up, and a reader took 85 family-quarters for 85 families (issue 20).
    name: "Family-quarters of support (quarterly counts added up)",
    unit: "family-quarters",
    definition:
      "For each quarter, the persons or families the region reports as supported at the site. Over several quarters the counts add up, so a family supported for four quarters counts four times; FAMILIES_ENROLLED counts distinct families.",
    aboutFamilies: true,
  },
  {
    ...common,
    code: "SOCIAL_CONTRACTS_CONCLUDED",
    name: "Social contracts concluded",
    unit: "contracts",
    definition: "Social contracts (kontrakty socjalne) concluded with supported persons or families during the period.",
    aboutFamilies: true,
  },
  {
    ...common,
    code: "BODY_MEETINGS_HELD",
    name: "Cooperation body meetings held",
    unit: "meetings",
    definition: "Meetings of the site's cooperation bodies (groups, teams) during the period, as the region reports them.",
  },
  {
    ...common,
    code: "WORKERS_COACHED",
    name: "Social workers coached or trained",
    unit: "persons",
    definition: "Social workers and workers of other institutions who took part in coaching or training during the period.",
  },
  {
    ...common,
    code: "CONTRACT_GOALS_MET",
    name: "Share of social contract goals met",
    unit: "percent",
    definition: "Share of the goals of a family's social contract met by the end of the period; a group's figure is the mean over its families.",
    level: IndicatorLevel.FAMILY,
    aboutFamilies: true,
    aggregation: IndicatorAggregation.MEAN,
  },
  {
    ...common,
    code: "SCHOOL_OF_COOPERATION_PARTICIPANTS",
    name: "Participants of the School of cooperation",
    unit: "persons",
    definition:
      "Workers of the site's institutions taking part in the regional or supra-regional Szkoła kooperacji during the period (Liderzy kooperacji only).",
    reportedBy: ["liderzy"],
    regionSpecific: true,
  },
  {
    ...common,
    code: "FAMILIES_ENROLLED",
    name: "Families enrolled (distinct, each counted once)",
    unit: "families",
    definition: "Distinct supported families whose support started in the period, each counted once, from the region's family records.",
    aboutFamilies: true,
    basis: IndicatorBasis.RECORDS,
  },
  {
    ...common,
    code: "FAMILIES_WITH_SOCIAL_CONTRACT",
    name: "Families with a social contract",
    unit: "families",
    definition: "Supported families with a social contract, by the start of their support, counted from the region's family records.",
    aboutFamilies: true,
    basis: IndicatorBasis.RECORDS,
  },
  {
    ...common,
    code: "COOPERATION_BODIES",
    name: "Cooperation bodies formed",
    unit: "bodies",
    definition:
      "Cooperation bodies (groups, teams) of the model, counted from the region's records; they carry no date, so a period grouping puts them under no period.",
    basis: IndicatorBasis.RECORDS,
  },
  {
    ...common,
    code: "BODY_MEETINGS_RECORDED",
    name: "Cooperation body meetings recorded",
    unit: "meetings",
    definition: "Meetings of cooperation bodies recorded by the region, by the date held.",
    basis: IndicatorBasis.RECORDS,
  },
  {
    ...common,
    code: "INSTITUTIONS_INVOLVED",
    name: "Institutions involved",
    unit: "institutions",
    definition: "Institutions sitting in the cooperation bodies of a site (each counted once per site, by the date it first joined), by policy sector.",
    basis: IndicatorBasis.RECORDS,
  },
  {
    ...common,
    code: "ACTIVITY_PARTICIPANTS",
    name: "Participants of support activities",
    unit: "persons",
    definition: "Participants of trainings, coaching, conferences, workshops and other support activities, by the date held.",
    basis: IndicatorBasis.RECORDS,
  },
];
