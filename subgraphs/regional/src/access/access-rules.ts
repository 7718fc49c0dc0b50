/**
 * The rules `@Authorized(...)` names in the regional contract; a field
 * listing several is open to a caller who meets any of them. Fields with no
 * `@Authorized` are public programme facts.
 */
export const Access = {
  /** Any signed-in caller: dashboards, analysts, regional owners, admins (aggregate series). */
  SIGNED_IN: "SIGNED_IN",
  /** National analysts. */
  ANALYST: "ANALYST",
  /** Regional owners of any partnership; the resolver narrows the rows to the partnerships they own. */
  OWNER: "OWNER",
  /** The regional owner of this shard's partnership only (family-level records). */
  OWN_PARTNERSHIP: "OWN_PARTNERSHIP",
  /** The gateway's own fetches only (cell keys, which it needs to protect merged figures); never a client. */
  GATEWAY: "GATEWAY",
} as const;
export type Access = (typeof Access)[keyof typeof Access];
