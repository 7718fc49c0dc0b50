import { Migration20261125034034_Initial } from "./Migration20261125034034_Initial";

/** Every migration of the book schema, in order. Listed, not globbed, so they load the same from source and in tests. */
export const MIGRATIONS = [{ name: "Migration20261125034034_Initial", class: Migration20261125034034_Initial }];
