import { graphql } from "./gql";

/** The three partnerships side by side: money, reach and structures. Public. */
export const OverviewQuery = graphql(`
  query DashboardOverview {
    partnerships {
      key
      name
      macroregion
      totalValue { amount formatted }
      euCofinancing { amount formatted }
      euSharePercent
      pilotSites { id }
      cooperationBodies { id }
      voivodeships { teryt name }
    }
    families: compare(indicators: ["FAMILIES_ENROLLED"], by: [PARTNERSHIP]) {
      rows { partnership value families suppressed }
    }
  }
`);

/** The indicator catalogue, for names, units and directions. Public. */
export const IndicatorsQuery = graphql(`
  query DashboardIndicators {
    indicators { code name unit aggregation direction aboutFamilies regionSpecific reportedBy }
  }
`);

/** Indicators by voivodeship: the table by voivodeship. Public. */
export const VoivodeshipsQuery = graphql(`
  query DashboardVoivodeships($indicators: [String!]!) {
    compare(indicators: $indicators, by: [VOIVODESHIP]) {
      rows { indicator unit voivodeship voivodeshipName value n families suppressed regionsMissing }
    }
  }
`);

/** One indicator compared by partnership and by kind of gmina. Public. */
export const ComparisonQuery = graphql(`
  query DashboardComparison($indicators: [String!]!) {
    byPartnership: compare(indicators: $indicators, by: [PARTNERSHIP]) {
      rows { indicator unit aggregation partnership macroregion value n families suppressed }
    }
    byMunicipalityKind: compare(indicators: $indicators, by: [MUNICIPALITY_KIND]) {
      rows { indicator unit aggregation municipalityKind value n families suppressed }
    }
  }
`);

/** A quarterly series per partnership: needs a token (dashboard or analyst). */
export const SeriesQuery = graphql(`
  query DashboardSeries($indicators: [String!]!, $grain: PeriodGrain!) {
    compare(indicators: $indicators, by: [PARTNERSHIP, PERIOD], grain: $grain) {
      grain
      rows { indicator partnership period value n families suppressed }
    }
  }
`);

/** The quarters each pilot site has not reported: needs a token. */
export const CoverageQuery = graphql(`
  query DashboardCoverage {
    coverage { partnership siteId siteName indicator periodsReported periodsMissing complete }
  }
`);
