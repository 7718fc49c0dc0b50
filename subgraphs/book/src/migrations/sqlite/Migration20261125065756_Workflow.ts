import { Migration } from "@mikro-orm/migrations";

export class Migration20261125065756_Workflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`book_change\` (\`id\` integer not null primary key autoincrement, \`subject_type\` text not null, \`subject_id\` text not null, \`at\` datetime not null, \`author\` text not null, \`action\` text not null, \`changes\` json not null);`,
    );
    this.addSql(`create index \`book_change_subject_type_subject_id_at_index\` on \`book_change\` (\`subject_type\`, \`subject_id\`, \`at\`);`);

    this.addSql(
      `create table \`saved_comparison\` (\`id\` text not null, \`recommendation_id\` text not null, \`note\` text not null, \`indicators\` json not null, \`by\` json not null, \`grain\` text not null, \`filter\` json null, \`saved_by\` text not null, \`saved_at\` datetime not null, \`snapshot\` json null, \`snapshot_at\` datetime null, constraint \`saved_comparison_recommendation_id_foreign\` foreign key(\`recommendation_id\`) references \`recommendation\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`saved_comparison_recommendation_id_index\` on \`saved_comparison\` (\`recommendation_id\`);`);

    this.addSql(`alter table \`recommendation\` add column \`target_sectors\` json not null default '[]';`);
    this.addSql(`alter table \`recommendation\` add column \`created_by\` text null;`);
    this.addSql(`alter table \`recommendation\` add column \`created_at\` datetime null;`);
    this.addSql(`alter table \`recommendation\` add column \`adopted_by\` text null;`);
    this.addSql(`alter table \`recommendation\` add column \`adopted_at\` datetime null;`);
  }
}
