import { IndicatorLevel } from "../common/enums";

/**
 * The indicators the three models share; the same codes in every shard.
 * `aboutFamilies`: the values count or describe supported families, so in
 * small numbers they are personal data, shown only to the region's owner or
 * in aggregates with small-cell suppression.
 */
export const INDICATOR_CATALOGUE = [
  {
    code: "FAMILIES_SUPPORTED",
    name: "Families supported",
    unit: "families",
    definition: "Persons or families supported under the model at the site during the period.",
    level: IndicatorLevel.SITE,
    aboutFamilies: true,
  },
  {
    code: "SOCIAL_CONTRACTS_CONCLUDED",
    name: "Social contracts concluded",
    unit: "contracts",
    definition: "Social contracts (kontrakty socjalne) concluded with supported persons or families during the period.",
    level: IndicatorLevel.SITE,
    aboutFamilies: true,
  },
  {
    code: "BODY_MEETINGS_HELD",
    name: "Cooperation body meetings held",
    unit: "meetings",
    definition: "Meetings of the site's cooperation bodies (groups, teams) during the period.",
    level: IndicatorLevel.SITE,
    aboutFamilies: false,
  },
  {
    code: "WORKERS_COACHED",
    name: "Social workers coached or trained",
    unit: "persons",
    definition: "Social workers and workers of other institutions who took part in coaching or training during the period.",
    level: IndicatorLevel.SITE,
    aboutFamilies: false,
  },
  {
    code: "CONTRACT_GOALS_MET",
    name: "Share of social contract goals met",
    unit: "percent",
    definition: "Share of the goals of a family's social contract met by the end of the period.",
    level: IndicatorLevel.FAMILY,
    aboutFamilies: true,
  },
] as const;
