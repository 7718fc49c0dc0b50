import { findRows } from "@kooperacja/database";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { CooperationBodyKind } from "../common/enums";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { Institution } from "../institutions/institution.entity";
import { Partnership } from "../partnerships/partnership.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { BodyMeeting } from "./body-meeting.entity";
import { BodyMember } from "./body-member.entity";
import { CooperationBody } from "./cooperation-body.entity";

@Resolver(() => CooperationBody)
export class CooperationBodyResolver extends recordResolver(CooperationBody) {
  @Shard.concat()
  @Query(() => [CooperationBody], { description: "Cooperation bodies of all partnerships, optionally of one kind." })
  cooperationBodies(
    @Arg("kind", () => CooperationBodyKind, { nullable: true, description: "Only bodies of this kind." }) kind: CooperationBodyKind | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<CooperationBody[]> {
    return findRows(ctx.em, CooperationBody, kind ? { kind } : {}, { name: "asc", id: "asc" });
  }

  @FieldResolver(() => Partnership, { description: "The partnership whose model set the body up." })
  async partnership(@Root() body: CooperationBody, @Ctx() ctx: RegionalContext): Promise<Partnership | null> {
    return ctx.loaders.byId(Partnership).load(body.partnership);
  }

  @FieldResolver(() => PilotSite, { nullable: true, description: "The pilot site; null for regional bodies." })
  async site(@Root() body: CooperationBody, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return body.site ? ctx.loaders.byId(PilotSite).load(body.site.id) : null;
  }

  @FieldResolver(() => [BodyMeeting], { description: "Meetings of the body, oldest first, where recorded." })
  meetings(@Root() body: CooperationBody, @Ctx() ctx: RegionalContext): Promise<BodyMeeting[]> {
    return ctx.loaders.manyBy(BodyMeeting, "body", { heldOn: "asc" }).load(body.id);
  }

  @FieldResolver(() => [BodyMember], { description: "Institutions sitting in the body, where known." })
  members(@Root() body: CooperationBody, @Ctx() ctx: RegionalContext): Promise<BodyMember[]> {
    return ctx.loaders.manyBy(BodyMember, "body").load(body.id);
  }
}

@Resolver(() => BodyMember)
export class BodyMemberResolver extends recordResolver(BodyMember) {
  @FieldResolver(() => Institution, { description: "The member institution." })
  async institution(@Root() member: BodyMember, @Ctx() ctx: RegionalContext): Promise<Institution | null> {
    return ctx.loaders.byId(Institution).load(member.institution.id);
  }
}

@Resolver(() => BodyMeeting)
export class BodyMeetingResolver extends recordResolver(BodyMeeting) {
  @FieldResolver(() => CooperationBody, { description: "The body that met." })
  async body(@Root() meeting: BodyMeeting, @Ctx() ctx: RegionalContext): Promise<CooperationBody | null> {
    return ctx.loaders.byId(CooperationBody).load(meeting.body.id);
  }
}
