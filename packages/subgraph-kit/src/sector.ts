import { registerEnumType } from "type-graphql";

/**
 * The policy sectors the models bring together. Shared because the regions
 * place their institutions in a sector and the book targets recommendations
 * by sector; both must compose into one enum in the supergraph.
 */
export enum Sector {
  SOCIAL_ASSISTANCE = "SOCIAL_ASSISTANCE",
  LABOUR_MARKET = "LABOUR_MARKET",
  EDUCATION = "EDUCATION",
  HEALTH = "HEALTH",
  JUSTICE = "JUSTICE",
  POLICE = "POLICE",
  NGO = "NGO",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  SCIENCE = "SCIENCE",
  OTHER = "OTHER",
}
registerEnumType(Sector, {
  name: "Sector",
  description: "Policy sector of an institution taking part in cross-sector cooperation.",
  valuesConfig: {
    SOCIAL_ASSISTANCE: { description: "Social assistance and integration (OPS, PCPR, ROPS, RCPS)." },
    LABOUR_MARKET: { description: "Labour market (powiat labour offices, PUP)." },
    EDUCATION: { description: "Education (schools, counselling centres)." },
    HEALTH: { description: "Health care." },
    JUSTICE: { description: "Judiciary (family courts, probation officers)." },
    POLICE: { description: "Police." },
    NGO: { description: "Non-governmental organisations." },
    LOCAL_GOVERNMENT: { description: "Local government offices (gmina, powiat) acting as such." },
    SCIENCE: { description: "Universities and research institutions." },
    OTHER: { description: "Any other sector." },
  },
});
