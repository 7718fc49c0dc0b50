import { registerEnumType } from "type-graphql";

/**
 * Kind of gmina by the TERYT type digit. Shared because the regions describe
 * their units with it and the book targets recommendations by it; both must
 * compose into one enum in the supergraph.
 */
export enum MunicipalityKind {
  URBAN = "URBAN",
  RURAL = "RURAL",
  URBAN_RURAL = "URBAN_RURAL",
}
registerEnumType(MunicipalityKind, {
  name: "MunicipalityKind",
  description: "Kind of gmina (TERYT type digit 1 urban, 2 rural, 3 urban-rural).",
  valuesConfig: {
    URBAN: { description: "Gmina miejska (TERYT type 1)." },
    RURAL: { description: "Gmina wiejska (TERYT type 2)." },
    URBAN_RURAL: { description: "Gmina miejsko-wiejska (TERYT type 3)." },
  },
});
