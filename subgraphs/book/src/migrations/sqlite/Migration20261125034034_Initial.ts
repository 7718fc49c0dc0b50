import { Migration } from "@mikro-orm/migrations";

export class Migration20261125034034_Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`book_chapter\` (\`id\` text not null, \`number\` integer not null, \`title\` text not null, \`summary\` text not null, \`demo\` integer not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`book_chapter_number_unique\` on \`book_chapter\` (\`number\`);`);

    this.addSql(
      `create table \`recommendation\` (\`id\` text not null, \`chapter_id\` text not null, \`number\` integer not null, \`title\` text not null, \`text\` text not null, \`status\` text not null, \`target_municipality_kinds\` json not null, \`demo\` integer not null, constraint \`recommendation_chapter_id_foreign\` foreign key(\`chapter_id\`) references \`book_chapter\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`recommendation_chapter_id_index\` on \`recommendation\` (\`chapter_id\`);`);
    this.addSql(`create index \`recommendation_status_index\` on \`recommendation\` (\`status\`);`);

    this.addSql(
      `create table \`evidence_link\` (\`id\` text not null, \`recommendation_id\` text not null, \`target_type\` text not null, \`target_id\` text not null, \`note\` text not null, constraint \`evidence_link_recommendation_id_foreign\` foreign key(\`recommendation_id\`) references \`recommendation\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`evidence_link_recommendation_id_index\` on \`evidence_link\` (\`recommendation_id\`);`);

    this.addSql(
      `create table \`recommendation_partnership\` (\`id\` text not null, \`recommendation_id\` text not null, \`partnership_id\` text not null, constraint \`recommendation_partnership_recommendation_id_foreign\` foreign key(\`recommendation_id\`) references \`recommendation\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`recommendation_partnership_recommendation_id_index\` on \`recommendation_partnership\` (\`recommendation_id\`);`);
    this.addSql(`create index \`recommendation_partnership_partnership_id_index\` on \`recommendation_partnership\` (\`partnership_id\`);`);
  }
}
