import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type Platform } from "@mikro-orm/core";
import type { QueryBuilder, SqlEntityManager } from "@mikro-orm/knex";

/**
 * Rows read to answer a query, not to be changed: instances of the entity's
 * class (type-graphql resolves the Node interface and federation's entities
 * by class) holding the columns as plain own properties, to-one relations as
 * instances of their class holding only the key, never registered with the
 * unit of work. MikroORM's hydration, identity map and change tracking cost a
 * region about 40 µs a row, most of a page's ORM time; a read answers from
 * the statement's rows, as they were when it ran.
 *
 * A row read here is not managed: a write loads what it changes through the
 * EntityManager, inside its transaction (writes/writer.ts), never from here.
 */
export async function readRows<T extends object>(em: SqlEntityManager, entity: EntityClass<T>, qb: QueryBuilder<T>): Promise<T[]> {
  const plan = planOf(em, entity.name);
  // Mapped to property names, dates and booleans converted; no entity made.
  const data = (await qb.execute("all", { mapResults: true, mergeResults: false })) as Record<string, unknown>[];
  return data.map((values) => plan.row(values));
}

/**
 * Rows of `entity` matching `where` (the entity's default filters applied, as
 * em.find does), in `orderBy` order, as readRows makes them.
 */
export async function findRows<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  where: object,
  orderBy: Record<string, "asc" | "desc"> = {},
): Promise<T[]> {
  const qb = em
    .createQueryBuilder(entity)
    .select("*")
    .where(where as never);
  await qb.applyFilters();
  if (Object.keys(orderBy).length > 0) qb.orderBy(orderBy as never);
  return readRows(em, entity, qb);
}

interface Plan {
  row(values: Record<string, unknown>): never;
}

const plans = new WeakMap<object, Map<string, Plan>>();

/** How rows of one entity are made, worked out once per ORM (its metadata and platform). */
function planOf(em: SqlEntityManager, name: string): Plan {
  const metadata = em.getMetadata();
  let byName = plans.get(metadata);
  if (!byName) plans.set(metadata, (byName = new Map()));
  let plan = byName.get(name);
  if (!plan) byName.set(name, (plan = makePlan(metadata.get(name), em.getPlatform())));
  return plan;
}

type Assign = (row: Record<string, unknown>, values: Record<string, unknown>) => void;

function makePlan(meta: EntityMetadata, platform: Platform): Plan {
  const prototype = shadowOf(meta);
  const assigns = meta.props.filter((prop) => prop.fieldNames?.length > 0 && !prop.embedded).map((prop) => assignOf(prop, platform));
  return {
    row(values) {
      const row = Object.create(prototype) as Record<string, unknown>;
      for (const assign of assigns) assign(row, values);
      return row as never;
    },
  };
}

function assignOf(prop: EntityProperty, platform: Platform): Assign {
  const name = prop.name;
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    const target = prop.targetMeta!;
    if (target.primaryKeys.length !== 1) throw new Error(`readRows: ${prop.name} points at ${target.className}, whose key has several columns`);
    const key = target.primaryKeys[0]!;
    const referencePrototype = shadowOf(target);
    return (row, values) => {
      const value = values[name];
      if (value === undefined) return;
      if (value === null) {
        row[name] = null;
        return;
      }
      const reference = Object.create(referencePrototype) as Record<string, unknown>;
      reference[key] = value;
      row[name] = reference;
    };
  }
  const type = prop.customType;
  // Dates come parsed from the result mapper, as hydration takes them; other custom types (JSON, bigint) convert here.
  if (type && prop.runtimeType !== "Date") {
    return (row, values) => {
      const value = values[name];
      if (value !== undefined) row[name] = value === null ? null : type.convertToJSValue(value, platform);
    };
  }
  return (row, values) => {
    const value = values[name];
    if (value !== undefined) row[name] = value;
  };
}

const shadows = new WeakMap<object, object>();

/**
 * A prototype between the entity's class and its rows: the ORM defines
 * accessors for the columns on the class's prototype (its change tracking),
 * which plain data properties here hide, so filling a row sets values only.
 */
function shadowOf(meta: EntityMetadata): object {
  let shadow = shadows.get(meta);
  if (!shadow) {
    shadow = Object.create(
      meta.prototype,
      Object.fromEntries(meta.props.map((prop) => [prop.name, { value: undefined, writable: true, enumerable: true, configurable: true }])),
    ) as object;
    shadows.set(meta, shadow);
  }
  return shadow;
}
