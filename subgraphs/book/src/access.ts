import { accessDenied, Role, type Identity } from "@kooperacja/service-kit";
import type { AuthChecker } from "type-graphql";
import type { BookContext } from "./context";
import { RecommendationStatus } from "./recommendations/recommendation-status";

/** The rules `@Authorized(...)` names in the book; fields without one are public (adopted text). */
export const Access = {
  /** National analysts write the book and read its drafts. */
  ANALYST: "ANALYST",
} as const;

export const authChecker: AuthChecker<BookContext> = ({ context, info }, rules) => {
  if (rules.includes(Access.ANALYST) && context.identity.role === Role.NATIONAL_ANALYST) return true;
  throw accessDenied(context.identity, `${info.parentType.name}.${info.fieldName}`);
};

/** Drafts may still change; until adopted only national analysts read them. */
export function readsDrafts(identity: Identity): boolean {
  return identity.role === Role.NATIONAL_ANALYST;
}

/** The statuses the caller may read. */
export function readableStatuses(identity: Identity): RecommendationStatus[] {
  return readsDrafts(identity) ? Object.values(RecommendationStatus) : [RecommendationStatus.ADOPTED];
}
