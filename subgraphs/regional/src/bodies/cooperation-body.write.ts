import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { CooperationBodyKind } from "../common/enums";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { PilotSite } from "../sites/pilot-site.entity";
import { localKey } from "../writes/ids";
import { InProgrammePeriod, IsIsoDate, IsLocalKey, IsPlainText } from "../writes/rules";
import type { FieldProblem, WriteModel } from "../writes/write-model";
import { BodyMeeting } from "./body-meeting.entity";
import { BodyMember } from "./body-member.entity";
import { CooperationBody } from "./cooperation-body.entity";
import { Institution } from "../institutions/institution.entity";

@InputType({ description: "A cooperation body as its partnership's owner enters it. An update replaces every field." })
export class CooperationBodyInput {
  @Field(() => String, { description: "The region's own identifier of the body (letters, digits, . _ -); part of its ID, cannot change." })
  @IsLocalKey()
  key!: string;

  @Field(() => CooperationBodyKind, { description: "Kind of structure." })
  @IsEnum(CooperationBodyKind)
  kind!: CooperationBodyKind;

  @Field(() => String, { description: "Name of the body, in Polish." })
  @IsPlainText()
  @Length(1, 300)
  name!: string;

  @Field(() => ID, { nullable: true, description: "The pilot site (global ID); null for a regional body." })
  @IsOptional()
  site?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  memberCount?: number | null;

  @Field(() => String, { nullable: true, description: "How the body meets." })
  @IsOptional()
  @IsPlainText()
  @MaxLength(2000)
  meetingFormat?: string | null;
}

export const cooperationBodyWrites: WriteModel<CooperationBody, CooperationBodyInput> = {
  entity: CooperationBody,
  input: CooperationBodyInput,
  kind: ImportKind.BODIES,
  keyField: "key",
  keyIsId: true,
  keyOf: (input) => input.key,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(CooperationBody, { id: { $in: inputs.map((input) => input.key) } }, { filters: false }),
  newId: (input) => input.key,
  references: (input) => [{ field: "site", entity: PilotSite, id: input.site }],
  data: (input) => ({
    kind: input.kind,
    name: input.name,
    site: localKey(input.site),
    memberCount: input.memberCount ?? null,
    meetingFormat: input.meetingFormat ?? null,
  }),
  dependents: [
    { entity: BodyMeeting, column: "body", label: "meetings" },
    { entity: BodyMember, column: "body", label: "members" },
  ],
  columns: [
    column("key", "key", true, { type: "text" }, "The region's own identifier of the body."),
    column(
      "kind",
      "kind",
      true,
      { type: "enum" },
      "COUNTY_REFLECTIVE_GROUP, COUNTY_DECISION_MAKERS_GROUP, REGIONAL_REFLECTIVE_GROUP, PARTNERSHIP_COOPERATION_TEAM or SCHOOL_OF_COOPERATION.",
    ),
    column("name", "name", true, { type: "text" }, "Name of the body, in Polish."),
    column("site_teryt", "site", false, { type: "reference", entity: PilotSite }, "TERYT code of the pilot site; empty for a regional body."),
    column("member_count", "memberCount", false, { type: "integer" }, "Number of members."),
    column("meeting_format", "meetingFormat", false, { type: "text" }, "How the body meets."),
  ],
};

@InputType({ description: "A meeting of a cooperation body. An update replaces every field." })
export class BodyMeetingInput {
  @Field(() => String, { description: "The region's own identifier of the meeting; part of its ID, cannot change." })
  @IsLocalKey()
  key!: string;

  @Field(() => ID, { description: "The cooperation body that met (global ID)." })
  body!: string;

  @Field(() => String, { description: "Date of the meeting (YYYY-MM-DD), within the programme period." })
  @IsIsoDate()
  @InProgrammePeriod()
  heldOn!: string;

  @Field(() => Int, { nullable: true, description: "People present." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  participants?: number | null;

  @Field(() => String, { nullable: true, description: "What the meeting was about." })
  @IsOptional()
  @IsPlainText()
  @MaxLength(2000)
  topic?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Set to record a date outside the programme period." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

export const bodyMeetingWrites: WriteModel<BodyMeeting, BodyMeetingInput> = {
  entity: BodyMeeting,
  input: BodyMeetingInput,
  kind: ImportKind.MEETINGS,
  keyField: "key",
  keyIsId: true,
  keyOf: (input) => input.key,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(BodyMeeting, { id: { $in: inputs.map((input) => input.key) } }, { filters: false }),
  newId: (input) => input.key,
  references: (input) => [{ field: "body", entity: CooperationBody, id: input.body }],
  data: (input) => ({ body: localKey(input.body), heldOn: input.heldOn, participants: input.participants ?? null, topic: input.topic ?? null }),
  dependents: [],
  columns: [
    column("key", "key", true, { type: "text" }, "The region's own identifier of the meeting."),
    column("body_key", "body", true, { type: "reference", entity: CooperationBody }, "Key of the cooperation body that met."),
    column("held_on", "heldOn", true, { type: "text" }, "Date of the meeting, YYYY-MM-DD."),
    column("participants", "participants", false, { type: "integer" }, "People present."),
    column("topic", "topic", false, { type: "text" }, "What the meeting was about."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a date outside the programme period."),
  ],
};

@InputType({ description: "An institution sitting in a cooperation body. An update replaces every field." })
export class BodyMemberInput {
  @Field(() => String, { description: "The region's own identifier of the seat; part of its ID, cannot change." })
  @IsLocalKey()
  key!: string;

  @Field(() => ID, { description: "The cooperation body (global ID)." })
  body!: string;

  @Field(() => ID, { description: "The institution sitting in it (global ID)." })
  institution!: string;

  @Field(() => String, { nullable: true, description: "Date the institution joined the body (YYYY-MM-DD), within the programme period." })
  @IsOptional()
  @IsIsoDate()
  @InProgrammePeriod()
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Who represents the institution, or how it takes part." })
  @IsOptional()
  @IsPlainText()
  @MaxLength(2000)
  representation?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Set to record a date outside the programme period." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

export const bodyMemberWrites: WriteModel<BodyMember, BodyMemberInput> = {
  entity: BodyMember,
  input: BodyMemberInput,
  kind: ImportKind.BODY_MEMBERS,
  keyField: "key",
  keyIsId: true,
  keyOf: (input) => input.key,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(BodyMember, { id: { $in: inputs.map((input) => input.key) } }, { filters: false }),
  newId: (input) => input.key,
  references: (input) => [
    { field: "body", entity: CooperationBody, id: input.body },
    { field: "institution", entity: Institution, id: input.institution },
  ],
  // An institution sits in a body once: a second seat (another key) for the same pair is refused, stored or in the same file.
  checkStored: async (em, inputs) => {
    const problems = new Map<number, FieldProblem[]>();
    const pair = (body: string | null, institution: string | null) => `${body}\n${institution}`;
    const stored = await em.find(BodyMember, { body: { $in: [...new Set(inputs.map((input) => localKey(input.body)!))] } });
    const seats = new Map(stored.map((row) => [pair(row.body.id, row.institution.id), row.id]));
    inputs.forEach((input, index) => {
      const key = pair(localKey(input.body), localKey(input.institution));
      const holder = seats.get(key);
      if (holder !== undefined && holder !== input.key) {
        problems.set(index, [{ field: "institution", message: `already sits in this body (seat ${holder})` }]);
      } else {
        seats.set(key, input.key);
      }
    });
    return problems;
  },
  data: (input) => ({
    body: localKey(input.body),
    institution: localKey(input.institution),
    joinedOn: input.joinedOn ?? null,
    representation: input.representation ?? null,
  }),
  dependents: [],
  columns: [
    column("key", "key", true, { type: "text" }, "The region's own identifier of the seat."),
    column("body_key", "body", true, { type: "reference", entity: CooperationBody }, "Key of the cooperation body."),
    column("institution_key", "institution", true, { type: "reference", entity: Institution }, "Key of the institution."),
    column("joined_on", "joinedOn", false, { type: "text" }, "Date it joined, YYYY-MM-DD."),
    column("representation", "representation", false, { type: "text" }, "Who represents it, or how it takes part."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a date outside the programme period."),
  ],
};
