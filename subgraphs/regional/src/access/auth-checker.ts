import { ErrorCode, hubError } from "@kooperacja/contract";
import { accessDenied, owns, Role, type Identity } from "@kooperacja/service-kit";
import type { AuthChecker } from "type-graphql";
import type { RegionalContext } from "../context";
import { Access } from "./access-rules";

function meets(rule: string, identity: Identity, ctx: RegionalContext): boolean {
  switch (rule) {
    case Access.SIGNED_IN:
      return identity.role !== Role.PUBLIC;
    case Access.ANALYST:
      return identity.role === Role.NATIONAL_ANALYST;
    case Access.OWNER:
      return identity.role === Role.REGIONAL_OWNER;
    case Access.OWN_PARTNERSHIP:
      return owns(identity, ctx.partnership);
    case Access.GATEWAY:
      return ctx.viaGateway;
    default:
      return false;
  }
}

/** type-graphql's check for `@Authorized(...)`: it throws our own codes rather than type-graphql's UNAUTHORIZED. */
export const authChecker: AuthChecker<RegionalContext> = ({ context, info }, rules) => {
  if (rules.some((rule) => meets(rule, context.identity, context))) return true;
  const what = `${info.parentType.name}.${info.fieldName}`;
  // A regional owner refused its own kind of field here: the token names other partnerships, and that is what to say.
  if (context.identity.role === Role.REGIONAL_OWNER && rules.includes(Access.OWN_PARTNERSHIP)) {
    const own = context.identity.partnerships.join(", ") || "no partnership";
    throw hubError(
      ErrorCode.FORBIDDEN,
      `Your token is a regional owner's for ${own}; ${what} in ${context.partnership} is for ${context.partnership}'s regional owner only.`,
      {
        role: context.identity.role,
        partnership: context.partnership,
        tokenPartnerships: context.identity.partnerships,
      },
    );
  }
  throw accessDenied(context.identity, what);
};
