import { encodeBookId } from "@kooperacja/contract";
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { BookContext } from "../context";
import { COMPARE_QUERY, FIGURE_FIELDS, type ComparisonFigure, type ComparisonParameters } from "../hub/hub-client";
import { ComparisonSnapshot, EvidenceFigure, FigureDifference } from "./evidence-figure";
import { SavedComparison } from "./saved-comparison.entity";

export function parametersOf(saved: Pick<SavedComparison, "indicators" | "by" | "grain" | "filter">): ComparisonParameters {
  return { indicators: saved.indicators, by: saved.by, grain: saved.grain, filter: saved.filter ?? null };
}

const GROUP_FIELDS = ["partnership", "voivodeshipName", "municipalityKind", "sector", "period"] as const;

/** The group a figure belongs to, as a reader would name it. */
export function groupLabel(figure: ComparisonFigure): string {
  const parts = GROUP_FIELDS.map((field) => figure[field]).filter((part) => part !== null && part !== undefined);
  return parts.length > 0 ? parts.join(" / ") : "all";
}

/** Figures that differ between the snapshot and now, matched by indicator and group. */
export function differences(snapshot: ComparisonFigure[], live: ComparisonFigure[]): FigureDifference[] {
  const key = (figure: ComparisonFigure) => JSON.stringify([figure.indicator, ...FIGURE_FIELDS.slice(3, 10).map((field) => figure[field] ?? null)]);
  const before = new Map(snapshot.map((figure) => [key(figure), figure]));
  const after = new Map(live.map((figure) => [key(figure), figure]));
  const found: FigureDifference[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const [then, now] = [before.get(id), after.get(id)];
    const same = then && now && then.value === now.value && then.n === now.n && then.suppressed === now.suppressed;
    if (same) continue;
    const figure = (then ?? now)!;
    found.push(
      Object.assign(new FigureDifference(), {
        indicator: String(figure.indicator),
        group: groupLabel(figure),
        snapshotValue: (then?.value as number | null | undefined) ?? null,
        liveValue: (now?.value as number | null | undefined) ?? null,
      }),
    );
  }
  return found;
}

@Resolver(() => SavedComparison)
export class SavedComparisonResolver {
  @FieldResolver(() => ID, { description: "Global, opaque ID." })
  id(@Root() saved: SavedComparison): string {
    return encodeBookId("SavedComparison", saved.id);
  }

  @FieldResolver(() => String, { description: "The GraphQL query that re-runs the comparison (with `variables`), to run by hand." })
  query(): string {
    return COMPARE_QUERY;
  }

  @FieldResolver(() => String, { description: "The variables of `query`, as JSON." })
  variables(@Root() saved: SavedComparison): string {
    return JSON.stringify(parametersOf(saved));
  }

  @FieldResolver(() => [EvidenceFigure], {
    nullable: true,
    description: "The comparison re-run now, as the caller: the figures the hub gives today, with small cells suppressed as for any query of the caller's.",
  })
  async live(@Root() saved: SavedComparison, @Ctx() ctx: BookContext): Promise<EvidenceFigure[]> {
    return (await ctx.compare(parametersOf(saved))).rows.map((row) => Object.assign(new EvidenceFigure(), row));
  }

  @FieldResolver(() => [String], {
    nullable: true,
    description:
      "Partnerships that did not answer the live re-run, so `live` lacks their figures (a row keyed by its own partnership is simply absent). Empty when every region answered; null when the caller may not re-run it.",
  })
  async liveRegionsMissing(@Root() saved: SavedComparison, @Ctx() ctx: BookContext): Promise<string[]> {
    return (await ctx.compare(parametersOf(saved))).missingRegions;
  }

  @FieldResolver(() => ComparisonSnapshot, { nullable: true, description: "The figures at adoption; null until the recommendation is adopted." })
  snapshot(@Root() saved: SavedComparison): ComparisonSnapshot | null {
    if (!saved.snapshot || !saved.snapshotAt) return null;
    return Object.assign(new ComparisonSnapshot(), { takenAt: saved.snapshotAt, rows: saved.snapshot.map((row) => Object.assign(new EvidenceFigure(), row)) });
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "Whether today's figures differ from those at adoption; null before adoption." })
  async differsFromSnapshot(@Root() saved: SavedComparison, @Ctx() ctx: BookContext): Promise<boolean | null> {
    if (!saved.snapshot) return null;
    return differences(saved.snapshot, (await ctx.compare(parametersOf(saved))).rows).length > 0;
  }

  @FieldResolver(() => [FigureDifference], { description: "The figures that differ from those at adoption (empty before adoption, or when nothing changed)." })
  async differences(@Root() saved: SavedComparison, @Ctx() ctx: BookContext): Promise<FigureDifference[]> {
    if (!saved.snapshot) return [];
    return differences(saved.snapshot, (await ctx.compare(parametersOf(saved))).rows);
  }
}
