import { registerEnumType } from "type-graphql";

export enum ImportKind {
  SITES = "SITES",
  BODIES = "BODIES",
  MEETINGS = "MEETINGS",
  ACTIVITIES = "ACTIVITIES",
  FAMILIES = "FAMILIES",
  INDICATOR_VALUES = "INDICATOR_VALUES",
  INSTITUTIONS = "INSTITUTIONS",
  BODY_MEMBERS = "BODY_MEMBERS",
}
registerEnumType(ImportKind, {
  name: "ImportKind",
  description: "Kind of records in an import file; each has a CSV template under subgraphs/regional/templates/.",
  valuesConfig: {
    SITES: { description: "Pilot sites (sites.csv); natural key: teryt." },
    BODIES: { description: "Cooperation bodies (bodies.csv); natural key: id, the region's own identifier." },
    MEETINGS: { description: "Meetings of cooperation bodies (meetings.csv); natural key: id." },
    ACTIVITIES: { description: "Support activities (activities.csv); natural key: id." },
    FAMILIES: { description: "Supported families, pseudonymous (families.csv); natural key: code." },
    INDICATOR_VALUES: { description: "Indicator values (indicator-values.csv); natural key: indicator, site, family and period." },
    INSTITUTIONS: { description: "Institutions of every sector (institutions.csv); natural key: key." },
    BODY_MEMBERS: { description: "Institutions sitting in cooperation bodies (body-members.csv); natural key: key." },
  },
});
