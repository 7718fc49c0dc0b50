import { Migration } from "@mikro-orm/migrations";

export class Migration20261202230443_FamilyCountIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index \`supported_family_archived_at_social_contract_cooperation_level_site_id_index\` on \`supported_family\` (\`archived_at\`, \`social_contract\`, \`cooperation_level\`, \`site_id\`);`,
    );
  }
}
