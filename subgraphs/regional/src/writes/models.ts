import { supportActivityWrites } from "../activities/support-activity.write";
import { bodyMeetingWrites, bodyMemberWrites, cooperationBodyWrites } from "../bodies/cooperation-body.write";
import { institutionWrites } from "../institutions/institution.write";
import { supportedFamilyWrites } from "../families/supported-family.write";
import { indicatorValueWrites } from "../indicators/indicator-value.write";
import { ImportKind } from "../imports/import-kind";
import { pilotSiteWrites } from "../sites/pilot-site.write";
import type { WriteModel } from "./write-model";
import { writeResolver } from "./write-resolver";

/** Every kind of record a regional owner writes, by the import kind that loads it from a file. */
export const WRITE_MODELS: Record<ImportKind, WriteModel> = {
  [ImportKind.SITES]: pilotSiteWrites as never,
  [ImportKind.BODIES]: cooperationBodyWrites as never,
  [ImportKind.MEETINGS]: bodyMeetingWrites as never,
  [ImportKind.ACTIVITIES]: supportActivityWrites as never,
  [ImportKind.FAMILIES]: supportedFamilyWrites as never,
  [ImportKind.INDICATOR_VALUES]: indicatorValueWrites as never,
  [ImportKind.INSTITUTIONS]: institutionWrites as never,
  [ImportKind.BODY_MEMBERS]: bodyMemberWrites as never,
};

export const WRITE_RESOLVERS = [
  writeResolver(pilotSiteWrites, "pilot site"),
  writeResolver(cooperationBodyWrites, "cooperation body"),
  writeResolver(bodyMeetingWrites, "meeting of a cooperation body"),
  writeResolver(supportActivityWrites, "support activity"),
  writeResolver(supportedFamilyWrites, "supported family"),
  writeResolver(indicatorValueWrites, "indicator value"),
  writeResolver(institutionWrites, "institution"),
  writeResolver(bodyMemberWrites, "seat of an institution in a cooperation body"),
];
