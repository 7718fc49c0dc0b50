import type { PartnershipKey } from "@kooperacja/contract";
import type { QueryBuilder } from "@mikro-orm/knex";
import { Field, InputType } from "type-graphql";
import { whereRegion } from "../common/connection";
import { MunicipalityKind, SiteStatus } from "../common/enums";
import { RegionFilterInput } from "../common/region-filter-input";
import type { PilotSite } from "./pilot-site.entity";

@InputType({ description: "Which pilot sites: every given condition must hold." })
export class PilotSiteFilter extends RegionFilterInput {
  @Field(() => [SiteStatus], { nullable: true, description: "Only sites at these stages." })
  status?: SiteStatus[] | null;

  @Field(() => [MunicipalityKind], { nullable: true, description: "Only sites whose unit is a gmina of these kinds." })
  municipalityKinds?: MunicipalityKind[] | null;
}

/** The filter's conditions on a page of pilot sites (alias `e`): a site's key is its unit's TERYT code. */
export function wherePilotSites(qb: QueryBuilder<PilotSite>, partnership: PartnershipKey, filter: PilotSiteFilter | undefined): void {
  whereRegion(qb, partnership, filter, "e.id");
  if (filter?.status) qb.andWhere({ status: { $in: filter.status } });
  if (filter?.municipalityKinds) {
    qb.andWhere(
      `e.unit_id in (select u.id from territorial_unit u where u.municipality_kind in (${filter.municipalityKinds.map(() => "?").join(", ") || "null"}))`,
      filter.municipalityKinds,
    );
  }
}
