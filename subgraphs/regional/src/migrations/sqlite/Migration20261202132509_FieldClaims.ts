import { Migration } from "@mikro-orm/migrations";

export class Migration20261202132509_FieldClaims extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`field_claim\` (\`id\` text not null, \`partnership\` text not null, \`record_type\` text not null, \`record_id\` text not null, \`field\` text not null, \`kind\` text null, \`omission\` text null, \`sources\` json not null, \`note\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`field_claim_record_id_record_type_index\` on \`field_claim\` (\`record_id\`, \`record_type\`);`);

    this.addSql(`alter table \`source\` add column \`published_by\` text null;`);
  }
}
