import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";

/** One of the public pages the seed facts were taken from (shared/seeds/). */
@Entity({ tableName: "source" })
@ObjectType({ description: "A public source page that facts in the hub were taken from." })
export class Source {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Property({ type: "string" })
  partnership!: string;

  @Field(() => String, { description: 'Short code of the source page, e.g. "000".' })
  @Property({ type: "string" })
  code!: string;

  @Field(() => String, { description: "File name of the stored copy of the page in the hub's seed archive." })
  @Property({ type: "string" })
  fileName!: string;

  @Field(() => String, {
    description: 'Institution that published the page, or "Not named on the page".',
    deprecationReason: "Use publishedBy: it is null where the page does not name its publisher, rather than a name the hub guessed.",
  })
  @Property({ type: "string" })
  publisher!: string;

  @Field(() => String, { nullable: true, description: "The publisher as the page itself names it (in its text or footer); null where the page names none." })
  @Property({ type: "string", nullable: true })
  publishedBy?: string | null;

  @Field(() => String, { description: "Title or headline of the page, in Polish." })
  @Property({ type: "text" })
  title!: string;
}
