import { registerEnumType } from "type-graphql";

export enum AuditAction {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "What a change did to a record.",
  valuesConfig: {
    CREATED: { description: "The record was created (by a form or an import)." },
    UPDATED: { description: "Fields of the record changed." },
    ARCHIVED: { description: "The record was archived: kept for the trail, hidden from every read." },
  },
});
