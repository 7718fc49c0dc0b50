import { Migration } from "@mikro-orm/migrations";

export class Migration20261203004614_FamilyCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`family_count\` (\`site_id\` text not null, \`social_contract\` integer not null, \`cooperation_level\` text not null, \`partnership\` text not null, \`n\` integer not null, primary key (\`site_id\`, \`social_contract\`, \`cooperation_level\`));`,
    );
  }
}
