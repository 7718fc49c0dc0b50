import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { Access } from "../access/access-rules";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import type { WritableRecord, WriteModel } from "./write-model";
import { Writer } from "./writer";

/**
 * The create, update and archive mutations of one kind of record. Writes
 * are the owner's of this shard's partnership only; the gateway sends a
 * create to the shard its `partnership` names and an update or archive to
 * the shard its ID names, so a write can never land in another region.
 */
export function writeResolver<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, label: string) {
  const type = model.entity.name;

  @Resolver()
  class WriteResolver {
    @Authorized(Access.OWN_PARTNERSHIP)
    @Shard.partnership("partnership")
    @Mutation(() => model.entity, { name: `create${type}`, description: `Creates a ${label} in the named partnership's region (that region's owner only).` })
    create(
      @Arg("partnership", () => String, { description: "The partnership whose region the record belongs to: liderzy, kooperacja or kooperacje3d." })
      partnership: string,
      @Arg("input", () => model.input, { description: "The record." }) input: I,
      @Ctx() ctx: RegionalContext,
    ): Promise<E> {
      return new Writer(ctx).create(model, partnership, input);
    }

    @Authorized(Access.OWN_PARTNERSHIP)
    @Shard.route("id")
    @Mutation(() => model.entity, {
      name: `update${type}`,
      description: `Replaces the fields of a ${label} (its region's owner only). \`version\` must be the version you read; a stale one gets CONFLICT and changes nothing.`,
    })
    update(
      @Arg("id", () => ID, { description: "Global ID of the record." }) id: string,
      @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
      @Arg("input", () => model.input, { description: "The record's new fields." }) input: I,
      @Ctx() ctx: RegionalContext,
    ): Promise<E> {
      return new Writer(ctx).update(model, id, version, input);
    }

    @Authorized(Access.OWN_PARTNERSHIP)
    @Shard.route("id")
    @Mutation(() => model.entity, {
      name: `archive${type}`,
      description: `Archives a ${label} (its region's owner only): it stays in the audit trail and disappears from every read. Refused (CONFLICT) while live records point at it.`,
    })
    archive(
      @Arg("id", () => ID, { description: "Global ID of the record." }) id: string,
      @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
      @Ctx() ctx: RegionalContext,
    ): Promise<E> {
      return new Writer(ctx).archive(model, id, version);
    }
  }
  Object.defineProperty(WriteResolver, "name", { value: `${type}WriteResolver` });
  return WriteResolver;
}
