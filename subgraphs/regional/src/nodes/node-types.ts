import type { EntityClass } from "@mikro-orm/core";
import { SupportActivity } from "../activities/support-activity.entity";
import { BodyMeeting } from "../bodies/body-meeting.entity";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { RegionalRecord } from "../common/regional-record";
import { ENTITIES } from "../entities";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { Institution } from "../institutions/institution.entity";
import { Partnership } from "../partnerships/partnership.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";

/**
 * Every regional type with a global ID, by GraphQL type name (which is also
 * the entity's class name): every table of regional records (not the sources, imports or audit trail).
 */
export const NODE_TYPES: ReadonlyMap<string, EntityClass<{ id: string }>> = new Map(
  ENTITIES.filter((entity) => entity.prototype instanceof RegionalRecord).map((entity) => [entity.name, entity as EntityClass<{ id: string }>]),
);

/** Types other subgraphs (the book) may reference by `@key(fields: "id")`. */
export const ENTITY_TYPES: EntityClass<{ id: string }>[] = [
  Partnership,
  Institution,
  TerritorialUnit,
  PilotSite,
  CooperationBody,
  SupportActivity,
  BodyMeeting,
  SupportedFamily,
  OutcomeIndicator,
  IndicatorValue,
];
