import type { EntityClass } from "@mikro-orm/core";
import { SupportActivity } from "../activities/support-activity.entity";
import { BodyMember } from "../bodies/body-member.entity";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { Institution } from "../institutions/institution.entity";
import { LeadPartnerClaim } from "../partnerships/lead-partner-claim.entity";
import { ModelStructure } from "../partnerships/model-structure.entity";
import { Partnership } from "../partnerships/partnership.entity";
import { PartnershipMember } from "../partnerships/partnership-member.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";

/** Every regional type with a global ID, by GraphQL type name (which is also the entity's class name). */
export const NODE_TYPES: ReadonlyMap<string, EntityClass<{ id: string }>> = new Map(
  [
    Partnership,
    PartnershipMember,
    LeadPartnerClaim,
    ModelStructure,
    Institution,
    TerritorialUnit,
    PilotSite,
    CooperationBody,
    BodyMember,
    SupportActivity,
    SupportedFamily,
    OutcomeIndicator,
    IndicatorValue,
  ].map((entity) => [entity.name, entity as EntityClass<{ id: string }>]),
);

/** Types other subgraphs (the book) may reference by `@key(fields: "id")`. */
export const ENTITY_TYPES: EntityClass<{ id: string }>[] = [Partnership, Institution, TerritorialUnit, PilotSite, CooperationBody, SupportActivity, SupportedFamily, OutcomeIndicator, IndicatorValue];
