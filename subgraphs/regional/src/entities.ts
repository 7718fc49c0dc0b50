import { CooperationBody } from "./bodies/cooperation-body.entity";
import { BodyMember } from "./bodies/body-member.entity";
import { SupportActivity } from "./activities/support-activity.entity";
import { SupportedFamily } from "./families/supported-family.entity";
import { IndicatorValue } from "./indicators/indicator-value.entity";
import { OutcomeIndicator } from "./indicators/outcome-indicator.entity";
import { Institution } from "./institutions/institution.entity";
import { LeadPartnerClaim } from "./partnerships/lead-partner-claim.entity";
import { ModelStructure } from "./partnerships/model-structure.entity";
import { Partnership } from "./partnerships/partnership.entity";
import { PartnershipMember } from "./partnerships/partnership-member.entity";
import { PilotSite } from "./sites/pilot-site.entity";
import { Source } from "./sources/source.entity";
import { TerritorialUnit } from "./territory/territorial-unit.entity";
import { RegionalRecord } from "./common/regional-record";
import { BodyMeeting } from "./bodies/body-meeting.entity";
import { IndicatorRollup, RollupBuild } from "./analytics/indicator-rollup.entity";
import { FamilyCount } from "./families/family-count.entity";
import { AuditEntry } from "./audit/audit-entry.entity";
import { ImportBatch } from "./imports/import-batch.entity";
import { FieldClaim } from "./common/field-claim.entity";

/** Every table of the regional contract, for the ORM's discovery. */
export const ENTITIES = [
  RegionalRecord,
  Source,
  TerritorialUnit,
  Institution,
  Partnership,
  PartnershipMember,
  LeadPartnerClaim,
  ModelStructure,
  PilotSite,
  CooperationBody,
  BodyMember,
  BodyMeeting,
  SupportActivity,
  SupportedFamily,
  OutcomeIndicator,
  IndicatorValue,
  ImportBatch,
  AuditEntry,
  IndicatorRollup,
  RollupBuild,
  FamilyCount,
  FieldClaim,
];
