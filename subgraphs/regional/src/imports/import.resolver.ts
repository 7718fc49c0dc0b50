import { createHash, randomUUID } from "node:crypto";
import { encodeRecordId, type PartnershipKey } from "@kooperacja/contract";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { WRITE_MODELS } from "../writes/models";
import { countPlan, Writer } from "../writes/writer";
import { assertServes } from "../common/lookup";
import { ImportBatch } from "./import-batch.entity";
import { ImportKind } from "./import-kind";
import { parseImportFile, shown, type RowProblem } from "./parse-file";
import { UploadScalar, type UploadedFile } from "./upload";

/** A report lists this many problems at most; `rejected` and `problemCount` still count them all. */
const LISTED_PROBLEMS = 1000;

@ObjectType({ description: "One problem of an import file." })
class ImportProblem implements RowProblem {
  @Field(() => Int, { description: "Row of the file: in a CSV the header is row 1 and the first record row 2; in JSON, the item's position from 1." })
  row!: number;

  @Field(() => String, { description: "Column (CSV header or JSON key) at fault, or `file` for the file or a row as a whole." })
  column!: string;

  @Field(() => String, {
    nullable: true,
    description: "The cell as the file has it (clipped); null for the file or a row as a whole, an unknown column, or a value that looks like a PESEL.",
  })
  value!: string | null;

  @Field(() => String, { description: "What is wrong, in English." })
  message!: string;
}

@ObjectType({ description: "What an import did, or in a dry run would do. A file with any problem writes nothing." })
class ImportReport {
  @Field(() => Boolean, {
    description:
      "True when records were written (a real import of a file without problems that changes something; a file identical to what is stored writes nothing and records no import).",
  })
  written!: boolean;

  @Field(() => Boolean, { description: "True for a dry run: validated and counted, never written." })
  dryRun!: boolean;

  @Field(() => ImportKind, { description: "Kind of records." })
  kind!: ImportKind;

  @Field(() => String, { description: "Name of the file." })
  fileName!: string;

  @Field(() => String, { description: "SHA-256 of the file, hex." })
  checksum!: string;

  @Field(() => String, { description: "CSV or JSON, as detected." })
  format!: string;

  @Field(() => Int, { description: "Data rows in the file." })
  rows!: number;

  @Field(() => Int, { description: "Records created (or that would be)." })
  created!: number;

  @Field(() => Int, { description: "Records changed (or that would be)." })
  updated!: number;

  @Field(() => Int, { description: "Rows identical to the stored record." })
  unchanged!: number;

  @Field(() => Int, { description: "Rows with at least one problem." })
  rejected!: number;

  @Field(() => Int, { description: "Problems found in all (at most 1000 are listed)." })
  problemCount!: number;

  @Field(() => [ImportProblem], { description: "The problems, by row then column." })
  problems!: ImportProblem[];

  @Field(() => ImportBatch, { nullable: true, description: "The import as recorded, when written." })
  import!: ImportBatch | null;
}

@Resolver()
export class ImportResolver {
  @Authorized(Access.OWN_PARTNERSHIP)
  @Shard.partnership("partnership")
  @Mutation(() => ImportReport, {
    description:
      "Imports a CSV or JSON file of one kind of records into the named partnership's region (that region's owner only), in one transaction: every row or none. Rows are matched to stored records by their natural key, so importing the same file again changes nothing.",
  })
  async importRecords(
    @Arg("partnership", () => String, { description: "The region: liderzy, kooperacja or kooperacje3d." }) partnership: string,
    @Arg("kind", () => ImportKind, { description: "Kind of records in the file." }) kind: ImportKind,
    @Arg("file", () => UploadScalar, { description: "The file, as a multipart upload." }) file: UploadedFile,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "Validate and count only; write nothing." }) dryRun: boolean,
    @Ctx() ctx: RegionalContext,
  ): Promise<ImportReport> {
    assertServes(ctx, partnership);
    const model = WRITE_MODELS[kind];
    const writer = new Writer(ctx);
    const fileName = file.filename.slice(0, 255);
    const checksum = createHash("sha256").update(file.content).digest("hex");
    const parsed = await parseImportFile(file.content, fileName, model.columns, model.input, ctx.partnership, ctx.em);

    const columnOf = new Map(model.columns.map((column) => [column.field as string, column.name]));
    // The rule in the file's words: a field the message names is the column that holds it.
    const inFileTerms = (message: string) => message.replace(/\b[a-z]+[A-Z]\w*\b/g, (word) => columnOf.get(word) ?? word);
    const problems = [...parsed.problems];
    // Value checks run on every row read, a row with a bad cell too: each cell's problem is reported, once.
    const found = await writer.problems(
      model,
      parsed.parsed.map((item) => item.input),
    );
    for (const [index, fieldProblems] of found) {
      const item = parsed.parsed[index]!;
      for (const problem of fieldProblems) {
        if (item.failed.has(problem.field)) continue;
        const column = columnOf.get(problem.field) ?? problem.field;
        const raw = item.cells.get(column);
        problems.push({ row: item.row, column, value: raw ? shown(raw) : null, message: inFileTerms(problem.message) });
      }
    }
    problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));

    const report = Object.assign(new ImportReport(), {
      written: false,
      dryRun,
      kind,
      fileName,
      checksum,
      format: parsed.format,
      rows: parsed.rows,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: new Set(problems.map((problem) => problem.row)).size,
      problemCount: problems.length,
      problems: problems.slice(0, LISTED_PROBLEMS).map((problem) => Object.assign(new ImportProblem(), problem)),
      import: null,
    });
    if (problems.length > 0 || parsed.rows === 0) return report;

    const inputs = parsed.parsed.map((item) => item.input);
    if (dryRun) {
      return Object.assign(report, countPlan(await writer.plan(ctx.em, model, inputs)));
    }
    const batch = ctx.em.create(
      ImportBatch,
      {
        id: randomUUID(),
        partnership: ctx.partnership,
        kind,
        fileName,
        checksum,
        importedAt: new Date().toISOString(),
        importedBy: ctx.identity.subject ?? "unknown",
        rows: parsed.rows,
        created: 0,
        updated: 0,
        unchanged: 0,
      },
      { persist: false },
    );
    const counts = await writer.importAll(model, inputs, batch);
    const written = counts.created + counts.updated > 0;
    return Object.assign(report, counts, { written, import: written ? batch : null });
  }
}

@Resolver(() => ImportBatch)
export class ImportBatchResolver {
  @FieldResolver(() => ID, { description: "Global, opaque ID of the import (`node(id:)` finds it)." })
  id(@Root() batch: ImportBatch): string {
    return encodeRecordId(batch.partnership as PartnershipKey, "ImportBatch", batch.id);
  }
}
