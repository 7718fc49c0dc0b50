import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeShardCursor,
  encodeShardCursor,
  ErrorCode,
  hubError,
  PARTNERSHIPS,
  type PartnershipKey,
  type RegionFilter,
  type ShardPosition,
  type SortValue,
} from "@kooperacja/contract";
import { readRows } from "@kooperacja/database";
import type { EntityClass } from "@mikro-orm/core";
import type { QueryBuilder, SqlEntityManager } from "@mikro-orm/knex";
import { Kind, type GraphQLResolveInfo, type SelectionNode } from "graphql";
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Direction of an ordering.",
  valuesConfig: { ASC: { description: "Smallest first." }, DESC: { description: "Largest first." } },
});

@ObjectType({ description: "Where a page of a connection sits (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more rows follow the last edge." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when rows precede the first edge." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null on an empty page." })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (or from \`after\`); at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor: rows after this edge." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end (or before \`before\`); at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor: rows before this edge." })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted with the page when the query selects it; otherwise only if read. */
  readonly totalCount: number | Promise<number>;
}

/** The Edge and Connection object types for one node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor of this edge, for `after`/`before`." })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (Relay cursor connection).` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: "The rows of this page, in order." })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: "Where this page sits." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Number of rows matching the filter, on every page." })
    totalCount!: number;
  }
  return ConnectionType;
}

/** An ordering enum with the column each value sorts by. */
export function orderInput(name: string, fields: Record<string, string>, defaultField: string) {
  const OrderField = Object.fromEntries(Object.keys(fields).map((field) => [field, field]));
  registerEnumType(OrderField, {
    name: `${name}OrderField`,
    description: `What ${name} connections can be ordered by; ties are broken by ID.`,
    valuesConfig: Object.fromEntries(Object.keys(fields).map((field) => [field, { description: `By ${field.toLowerCase().replace(/_/g, " ")}.` }])),
  });

  @InputType(`${name}Order`, { description: `Order of a ${name} connection.` })
  class OrderType {
    @Field(() => OrderField, { description: "Field to order by." })
    field!: string;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction." })
    direction!: OrderDirection;
  }
  const defaultOrder = { field: defaultField, direction: OrderDirection.ASC };
  return { OrderType, fields, defaultOrder };
}

export interface Order {
  field: string;
  direction: OrderDirection;
}

/**
 * Everything a connection over one entity needs: its Edge and Connection
 * types, its ordering input (order field → entity property), and a reader of
 * one page. `field` is the root field's name, part of every cursor's scope.
 */
export function defineConnection<T extends { id: string }>(
  entity: ClassType<T>,
  options: {
    /** The GraphQL name of the node type (PilotSite → PilotSiteConnection, PilotSiteEdge, PilotSiteOrder…). */
    typeName: string;
    /** The root field that pages it. */
    field: string;
    /** Order field → entity property. */
    orders: Record<string, string>;
    /** The order field used when the client gives none. */
    defaultOrder: string;
  },
) {
  const { OrderType, fields, defaultOrder } = orderInput(options.typeName, options.orders, options.defaultOrder);
  return {
    Connection: connectionTypes(entity, options.typeName),
    OrderType,
    defaultOrder,
    page: (request: {
      em: SqlEntityManager;
      info: GraphQLResolveInfo;
      args: ConnectionArgs;
      order: Order | undefined;
      /** Adds the filter's conditions to the query (alias `e`). */
      where: (qb: QueryBuilder<T>) => void;
      /** Counts the rows `where` matches some faster way than counting them (kept counts); the rows are counted otherwise. */
      count?: () => Promise<number>;
    }): Promise<Connection<T>> =>
      paginate({
        em: request.em,
        entity,
        name: options.field,
        orderProperties: fields,
        order: request.order ?? defaultOrder,
        args: request.args,
        where: request.where,
        count: request.count,
        countTotal: selects(request.info, "totalCount"),
      }),
  };
}

export interface ConnectionQuery<T extends object> {
  em: SqlEntityManager;
  entity: EntityClass<T>;
  /** Connection name, part of every cursor's scope. */
  name: string;
  /** Order field → property of the entity. */
  orderProperties: Record<string, string>;
  order: Order;
  args: ConnectionArgs;
  /** Adds the filter's conditions to the query (alias `e`). */
  where(qb: QueryBuilder<T>): void;
  /** Whether the query selects totalCount: counting reads every matching row, a page only its own. */
  countTotal: boolean;
  /** The same count as the rows `where` matches, read from kept counts. */
  count?: () => Promise<number>;
}

/** Whether the field being resolved selects `name` (directly, or in a fragment). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const found = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return found(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      return fragment ? found(fragment.selectionSet.selections) : false;
    });
  return info.fieldNodes.some((node) => found(node.selectionSet?.selections ?? []));
}

function pageSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}.`, { argument: name });
  }
  return value;
}

/**
 * One page of a keyset-paginated query: rows after/before a position in
 * (order column, id), never an offset, so a page costs the same deep in the
 * list as at its start. Two statements: the page (one row more than asked,
 * to know whether more follow) and, when the query selects totalCount, the count.
 */
export async function paginate<T extends { id: string }>(query: ConnectionQuery<T>): Promise<Connection<T>> {
  const { args, order } = query;
  const first = pageSize(args.first, "first");
  const last = pageSize(args.last, "last");
  if (first !== undefined && last !== undefined) throw hubError(ErrorCode.BAD_USER_INPUT, "Give `first` or `last`, not both.", { argument: "last" });
  const backward = last !== undefined || (first === undefined && Boolean(args.before));
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;

  const property = query.orderProperties[order.field];
  if (!property) throw hubError(ErrorCode.BAD_USER_INPUT, `Unknown order field ${order.field}.`, { argument: "orderBy" });
  const scope = `${query.name}:${order.field}:${order.direction}`;
  const after = args.after ? decodeShardCursor(args.after, scope) : undefined;
  const before = args.before ? decodeShardCursor(args.before, scope) : undefined;

  const meta = query.em.getMetadata().get(query.entity.name);
  const column = `e.${meta.properties[property as keyof T & string]!.fieldNames[0]}`;
  const ascending = order.direction === OrderDirection.ASC;

  const qb = query.em.createQueryBuilder(query.entity, "e");
  // Archived rows stay in the table for the audit trail; no page shows them.
  qb.where({ archivedAt: null } as never);
  query.where(qb);
  const countQb = qb.clone();
  if (after) keyset(qb, column, after, ascending ? ">" : "<");
  if (before) keyset(qb, column, before, ascending ? "<" : ">");
  // Paging backward reads the list from the other end, then turns the page round.
  const direction = ascending !== backward ? "asc" : "desc";
  qb.orderBy({ [property]: direction, id: direction } as never).limit(size + 1);

  const count = () => (query.count ? query.count() : countQb.getCount());
  const [rows, counted] = await Promise.all([readRows(query.em, query.entity, qb), query.countTotal ? count() : undefined]);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backward) page.reverse();
  const edges = page.map((node) => ({
    node,
    cursor: encodeShardCursor({ scope, value: (node as Record<string, unknown>)[property] as SortValue, id: node.id, inclusive: false }),
  }));
  return {
    edges,
    get totalCount() {
      return counted ?? count();
    },
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: backward ? Boolean(args.before) : more,
      hasPreviousPage: backward ? more : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  };
}

/** Rows strictly beyond `position` in the direction of `op` ("after" is ">" ascending). */
function keyset<T extends object>(qb: QueryBuilder<T>, column: string, position: ShardPosition, op: ">" | "<"): void {
  if (position.id === null) {
    qb.andWhere(`${column} ${op}${position.inclusive ? "=" : ""} ?`, [position.value]);
  } else {
    qb.andWhere(`(${column} ${op} ? or (${column} = ? and e.id ${op} ?))`, [position.value, position.value, position.id]);
  }
}

/**
 * The region part of a filter, for a table whose `terytColumn` holds the
 * TERYT code of the row's unit. A filter naming other partnerships matches
 * nothing here.
 */
export function whereRegion<T extends object>(
  qb: QueryBuilder<T>,
  partnership: PartnershipKey,
  filter: RegionFilter | null | undefined,
  terytColumn: string,
): void {
  if (!filter) return;
  const info = PARTNERSHIPS[partnership];
  if (filter.partnerships && !filter.partnerships.includes(partnership)) qb.andWhere("1 = 0");
  if (filter.macroregions && !filter.macroregions.includes(info.macroregion)) qb.andWhere("1 = 0");
  for (const codes of [filter.voivodeships, filter.teryt]) {
    if (!codes) continue;
    if (codes.length === 0) {
      qb.andWhere("1 = 0");
      continue;
    }
    // TERYT codes nest by prefix: a gmina's code starts with its powiat's, which starts with its voivodeship's.
    qb.andWhere(
      `(${codes.map(() => `${terytColumn} like ?`).join(" or ")})`,
      codes.map((code) => `${code}%`),
    );
  }
}
