export { startHub, type Hub } from "./hub";
export { resolveCompose, printCompose, type ComposeFile } from "./compose-config";
export { generateSchemaFiles, composeChecked, printApiSchema } from "./schema/schema-files";
