import { ErrorCode, hubError, PARTNERSHIPS, tryDecodeRecordId } from "@kooperacja/contract";
import { validationProblems } from "@kooperacja/subgraph-kit";
import { OptimisticLockError, UniqueConstraintViolationException, wrap, type FilterQuery } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { validate, type ValidationError } from "class-validator";
import { refreshRollups } from "../analytics/rollups";
import { AuditAction } from "../audit/audit-action";
import { AuditEntry } from "../audit/audit-entry.entity";
import { ProvenanceKind } from "../common/enums";
import { FieldClaim } from "../common/field-claim.entity";
import { assertServes, localIdHere } from "../common/lookup";
import type { RegionalContext } from "../context";
import type { ImportBatch } from "../imports/import-batch.entity";
import type { FieldProblem, WritableRecord, WriteModel } from "./write-model";

/** SQLite binds at most 32 766 parameters per statement; chunks of this many keys or rows stay far below it. */
const CHUNK = 500;

/** What an import did (or, in a dry run, would do). */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The rows an import changed, for its batch record and the audit trail. */
interface Change {
  action: AuditAction;
  row: WritableRecord;
  before: Record<string, unknown> | null;
}

/**
 * Every write to a regional shard goes through here: validate the input,
 * check its references and natural key against the shard, write inside one
 * transaction, and add an audit entry for each record that changed. Forms
 * (one record) and imports (a file of records) share the same steps.
 */
export class Writer {
  constructor(private readonly ctx: RegionalContext) {}

  /** Problems of each input, by position; an empty map means all are valid. */
  async problems<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, inputs: I[]): Promise<Map<number, FieldProblem[]>> {
    const found = new Map<number, FieldProblem[]>();
    const add = (index: number, problem: FieldProblem) => {
      const list = found.get(index);
      if (list) list.push(problem);
      else found.set(index, [problem]);
    };
    for (const [index, input] of inputs.entries()) {
      for (const problem of problemsOf(await validate(input as object, { forbidUnknownValues: false }))) add(index, problem);
      for (const problem of model.check?.(input, this.ctx) ?? []) add(index, problem);
    }
    await this.checkReferences(model, inputs, add);
    if (model.checkStored) {
      const valid = inputs.map((input, index) => ({ input, index })).filter(({ index }) => !found.has(index));
      const stored = await model.checkStored(
        this.ctx.em,
        valid.map(({ input }) => input),
      );
      for (const [position, problems] of stored) for (const problem of problems) add(valid[position]!.index, problem);
    }
    // Two rows of one file for the same record would each overwrite the other.
    const seen = new Map<string, number>();
    inputs.forEach((input, index) => {
      if (found.has(index)) return;
      const key = model.keyOf(input);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else add(index, { field: model.keyField, message: `repeats the record of row ${first + 1} of this batch (same ${model.keyField} ${key})` });
    });
    return found;
  }

  async create<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, partnership: string, input: I): Promise<E> {
    assertServes(this.ctx, partnership);
    await this.refuseInvalid(model, input);
    return this.guard(model, () =>
      this.ctx.em.transactional(async (tx) => {
        const existing = await this.holder(tx, model, input);
        if (existing) {
          throw hubError(
            ErrorCode.BAD_USER_INPUT,
            `${model.keyField}: a ${model.entity.name} with ${model.keyField} ${model.keyOf(input)} already exists${existing.archivedAt ? " (archived)" : ""}.`,
            {
              field: model.keyField,
            },
          );
        }
        const prepared = (await model.prepare?.(tx, [input], this.ctx)) ?? [];
        const row = this.newRow(tx, model, input, ProvenanceKind.ENTERED, null);
        await tx.flush();
        await this.settle(
          tx,
          [...prepared.map((created) => ({ action: AuditAction.CREATED, row: created, before: null })), { action: AuditAction.CREATED, row, before: null }],
          null,
        );
        return row;
      }),
    );
  }

  async update<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, id: string, version: number, input: I): Promise<E> {
    const localId = localIdHere(this.ctx, model.entity.name, id);
    await this.refuseInvalid(model, input);
    return this.guard(model, () =>
      this.ctx.em.transactional(async (tx) => {
        const row = await this.current(tx, model, localId, id, version);
        if (model.rowKeyOf(row) !== model.keyOf(input)) {
          if (model.keyIsId) {
            throw hubError(ErrorCode.BAD_USER_INPUT, `${model.keyField}: identifies the record and cannot change (archive it and create another).`, {
              field: model.keyField,
            });
          }
          const taken = await this.holder(tx, model, input);
          if (taken)
            throw hubError(ErrorCode.BAD_USER_INPUT, `${model.keyField}: ${model.keyOf(input)} is already used by another ${model.entity.name}.`, {
              field: model.keyField,
            });
        }
        const before = snapshot(row);
        if (!differs(row, model.data(input))) return row;
        wrap(row).assign(model.data(input) as never);
        await tx.flush();
        await this.settle(tx, [{ action: AuditAction.UPDATED, row, before }], null);
        return row;
      }),
    );
  }

  async archive<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, id: string, version: number): Promise<E> {
    const localId = localIdHere(this.ctx, model.entity.name, id);
    return this.guard(model, () =>
      this.ctx.em.transactional(async (tx) => {
        const row = await this.current(tx, model, localId, id, version);
        for (const dependent of model.dependents) {
          const count = await tx.count(dependent.entity, { [dependent.column]: localId } as FilterQuery<object>);
          if (count > 0) {
            throw hubError(ErrorCode.CONFLICT, `${model.entity.name} ${id} still has ${count} live ${dependent.label}; archive them first.`, {
              id,
              dependents: dependent.label,
              count,
            });
          }
        }
        const before = snapshot(row);
        row.archivedAt = new Date().toISOString();
        await tx.flush();
        await this.settle(tx, [{ action: AuditAction.ARCHIVED, row, before }], null);
        return row;
      }),
    );
  }

  /**
   * What writing these (valid) inputs would do: each is new, changes a
   * stored record (an archived one comes back), or matches it already.
   */
  async plan<E extends WritableRecord, I extends object>(em: SqlEntityManager, model: WriteModel<E, I>, inputs: I[]) {
    const stored = new Map<string, E>();
    for (let start = 0; start < inputs.length; start += CHUNK) {
      for (const row of await model.findByKeys(em, inputs.slice(start, start + CHUNK))) stored.set(model.rowKeyOf(row), row);
    }
    return inputs.map((input) => {
      const row = stored.get(model.keyOf(input));
      const action = !row ? AuditAction.CREATED : row.archivedAt || differs(row, model.data(input)) ? AuditAction.UPDATED : null;
      return { input, row, action };
    });
  }

  /** Writes a whole file in one transaction: all rows or none. */
  async importAll<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, inputs: I[], batch: ImportBatch): Promise<WriteCounts> {
    return this.guard(model, () =>
      this.ctx.em.transactional(async (tx) => {
        const planned = await this.plan(tx, model, inputs);
        // A file that changes nothing leaves no batch behind: the trail records what changed, not what was sent again.
        if (planned.every((item) => item.action === null)) return countPlan(planned);
        tx.persist(batch);
        const fresh = planned.filter((item) => item.action === AuditAction.CREATED).map((item) => item.input);
        const prepared = (await model.prepare?.(tx, fresh, this.ctx)) ?? [];
        const changes: Change[] = prepared.map((row) => ({ action: AuditAction.CREATED, row, before: null }));
        for (const { input, row, action } of planned) {
          if (action === AuditAction.CREATED) changes.push({ action, row: this.newRow(tx, model, input, ProvenanceKind.IMPORT, batch), before: null });
          else if (action === AuditAction.UPDATED && row) {
            const before = snapshot(row);
            wrap(row).assign({ ...model.data(input), archivedAt: null } as never);
            changes.push({ action, row, before });
          }
        }
        const counts = countPlan(planned);
        Object.assign(batch, counts);
        this.ctx.logger.info(
          { import: batch.id, kind: model.entity.name, created: counts.created, updated: counts.updated },
          `import ${batch.id}: writing ${counts.created} new and ${counts.updated} changed ${model.entity.name} records`,
        );
        await tx.flush();
        await this.settle(tx, changes, batch);
        return counts;
      }),
    );
  }

  /** The stored record (archived ones too) holding the input's natural key, if any. */
  private async holder<E extends WritableRecord, I extends object>(em: SqlEntityManager, model: WriteModel<E, I>, input: I): Promise<E | undefined> {
    const key = model.keyOf(input);
    return (await model.findByKeys(em, [input])).find((row) => model.rowKeyOf(row) === key);
  }

  private newRow<E extends WritableRecord, I extends object>(
    em: SqlEntityManager,
    model: WriteModel<E, I>,
    input: I,
    kind: ProvenanceKind,
    batch: ImportBatch | null,
  ): E {
    const id = model.newId(input);
    const meta = em.getMetadata().get(model.entity.name);
    return em.create(model.entity, {
      ...model.data(input),
      id,
      partnership: this.ctx.partnership,
      provenanceKind: kind,
      importBatch: batch,
      // Records the published figures are about get their permanent key now; an update never changes it.
      ...(meta.properties.recordKey ? { recordKey: this.ctx.recordKeys.of(meta.tableName, id) } : {}),
    } as never);
  }

  private async refuseInvalid<E extends WritableRecord, I extends object>(model: WriteModel<E, I>, input: I): Promise<void> {
    const problems = (await this.problems(model, [input])).get(0);
    if (problems) {
      const first = problems[0]!;
      throw hubError(ErrorCode.BAD_USER_INPUT, `${first.field}: ${first.message}.`, { field: first.field, fields: problems });
    }
  }

  private async checkReferences<E extends WritableRecord, I extends object>(
    model: WriteModel<E, I>,
    inputs: I[],
    add: (index: number, problem: FieldProblem) => void,
  ): Promise<void> {
    const wanted = new Map<
      string,
      { entity: WriteModel["dependents"][number]["entity"]; ids: Set<string>; uses: { index: number; field: string; localId: string; id: string }[] }
    >();
    // Every row's references, a row with other problems too: an import report lists them all.
    inputs.forEach((input, index) => {
      for (const reference of model.references(input)) {
        if (reference.id === null || reference.id === undefined) continue;
        const decoded = tryDecodeRecordId(reference.id);
        const typeName = reference.entity.name;
        if (!decoded || decoded.type !== typeName) {
          add(index, { field: reference.field, message: `must be the ID of a ${typeName}` });
        } else if (decoded.partnership !== null && decoded.partnership !== this.ctx.partnership) {
          add(index, {
            field: reference.field,
            message: `names a ${typeName} of ${PARTNERSHIPS[decoded.partnership].name}; a record may only point at its own partnership's records`,
          });
        } else {
          const entry = wanted.get(typeName) ?? { entity: reference.entity as never, ids: new Set(), uses: [] };
          entry.ids.add(decoded.localId);
          entry.uses.push({ index, field: reference.field, localId: decoded.localId, id: reference.id });
          wanted.set(typeName, entry);
        }
      }
    });
    for (const [typeName, entry] of wanted) {
      const live = new Set<string>();
      const ids = [...entry.ids];
      for (let start = 0; start < ids.length; start += CHUNK) {
        const rows = await this.ctx.em.find(entry.entity as never, { id: { $in: ids.slice(start, start + CHUNK) } } as never, { fields: ["id"] as never });
        for (const row of rows as { id: string }[]) live.add(row.id);
      }
      for (const use of entry.uses) {
        if (!live.has(use.localId)) add(use.index, { field: use.field, message: `no ${typeName} ${use.localId} in this region (or it is archived)` });
      }
    }
  }

  private async current<E extends WritableRecord, I extends object>(
    em: SqlEntityManager,
    model: WriteModel<E, I>,
    localId: string,
    id: string,
    version: number,
  ): Promise<E> {
    const row = await em.findOne(model.entity, { id: localId } as FilterQuery<E>);
    if (!row) throw hubError(ErrorCode.NOT_FOUND, `No ${model.entity.name} with ID ${id} (or it is archived).`, { id });
    if (row.version !== version) {
      throw hubError(
        ErrorCode.CONFLICT,
        `${model.entity.name} ${id} is at version ${row.version}, not ${version}: someone changed it since you read it. Read it again and reapply your change.`,
        {
          id,
          currentVersion: row.version,
        },
      );
    }
    return row;
  }

  /** A concurrent writer got there first: the same answer as a stale version. */
  private async guard<T>(model: { entity: { name: string } }, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof OptimisticLockError) {
        throw hubError(ErrorCode.CONFLICT, `A ${model.entity.name} record changed while this write ran; nothing was written. Read it again and retry.`);
      }
      if (error instanceof UniqueConstraintViolationException) {
        throw hubError(ErrorCode.CONFLICT, `Another write created the same ${model.entity.name} at the same time; nothing was written. Retry.`);
      }
      throw error;
    }
  }

  /**
   * What every write does once its rows are flushed, in its transaction: an
   * audit entry per changed record, and the rollups of the sites it touched
   * brought up to date, so no figure is older than the last commit.
   */
  private async settle(em: SqlEntityManager, changes: Change[], batch: ImportBatch | null): Promise<void> {
    const entries = await this.audit(em, changes, batch);
    const metadata = em.getMetadata();
    const started = performance.now();
    await refreshRollups(
      em,
      entries.map((entry) => ({ table: metadata.find(entry.entityType)!.tableName, id: entry.entityId, before: entry.before, after: entry.after })),
    );
    this.ctx.rollupRefreshed((performance.now() - started) / 1000);
  }

  private async audit(em: SqlEntityManager, changes: Change[], batch: ImportBatch | null) {
    const at = new Date().toISOString();
    const entries = changes.map(({ action, row, before }) => ({
      partnership: this.ctx.partnership,
      at,
      actor: this.ctx.identity.subject ?? "unknown",
      actorRole: this.ctx.identity.role,
      action,
      entityType: row.constructor.name,
      entityId: row.id,
      before,
      after: snapshot(row),
      importBatch: batch?.id ?? null,
    }));
    for (let start = 0; start < entries.length; start += CHUNK) {
      await em.insertMany(AuditEntry, entries.slice(start, start + CHUNK) as never);
    }
    await this.dropStaleClaims(em, entries);
    return entries;
  }

  /**
   * A field a write changed no longer says what its source page said: its
   * claim goes (the audit trail keeps the value the page gave), so the field
   * falls back to the record's origin and its history.
   */
  private async dropStaleClaims(
    em: SqlEntityManager,
    entries: { action: AuditAction; entityType: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[],
  ): Promise<void> {
    const updated = entries.filter((entry) => entry.action === AuditAction.UPDATED && entry.before);
    for (let start = 0; start < updated.length; start += CHUNK) {
      const chunk = new Map(updated.slice(start, start + CHUNK).map((entry) => [`${entry.entityType}:${entry.entityId}`, entry]));
      const claims = await em.find(FieldClaim, { recordId: { $in: [...chunk.values()].map((entry) => entry.entityId) }, kind: { $ne: null } });
      const stale = claims.filter((claim) => {
        const entry = chunk.get(`${claim.recordType}:${claim.recordId}`);
        return entry && normal(entry.before![claim.field]) !== normal(entry.after[claim.field]);
      });
      if (stale.length > 0) await em.nativeDelete(FieldClaim, { id: { $in: stale.map((claim) => claim.id) } });
    }
  }
}

/** Stored fields no reader gets, the owner included: a record key would let its holder take the noise off figures. */
const SECRET_FIELDS = new Set(["recordKey"]);

/** The stored fields of a row, relations as the IDs they point at: what the audit trail keeps. */
export function snapshot(row: object): Record<string, unknown> {
  const pojo = wrap(row).toObject() as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(pojo)
      .filter(([key, value]) => value !== undefined && !SECRET_FIELDS.has(key))
      .map(([key, value]) => [key, keyOf(value)]),
  );
}

/** Whether writing `data` would change the row. */
function differs(row: object, data: Record<string, unknown>): boolean {
  const current = row as Record<string, unknown>;
  return Object.entries(data).some(([key, value]) => normal(current[key]) !== normal(value));
}

/** A related row, loaded or not, stands for its key. */
function keyOf(value: unknown): unknown {
  return value && typeof value === "object" && "id" in value ? (value as { id: unknown }).id : value;
}

function normal(value: unknown): string {
  value = keyOf(value);
  if (value === undefined || value === null) return "null";
  return String(value);
}

/** One problem per message, without class-validator's leading property name (the field says it). */
function problemsOf(errors: ValidationError[]): FieldProblem[] {
  return validationProblems(errors).flatMap(({ field, messages }) => {
    const property = field.slice(field.lastIndexOf(".") + 1);
    return messages.map((message) => ({ field, message: message.startsWith(`${property} `) ? message.slice(property.length + 1) : message }));
  });
}

/** How many planned writes create, update or leave a record as it is. */
export function countPlan(planned: { action: AuditAction | null }[]): WriteCounts {
  return {
    created: planned.filter((item) => item.action === AuditAction.CREATED).length,
    updated: planned.filter((item) => item.action === AuditAction.UPDATED).length,
    unchanged: planned.filter((item) => item.action === null).length,
  };
}
