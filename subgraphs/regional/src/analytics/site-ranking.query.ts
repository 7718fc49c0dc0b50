import { encodeGlobalId } from "@kooperacja/contract";
import { IndicatorDirection } from "../common/enums";
import { assertServes } from "../common/lookup";
import type { RegionalContext } from "../context";
import { assertPublishedBoundaries } from "./boundaries";
import { catalogueEntries } from "./catalogue";
import { validateCompareFilter, type CompareFilter } from "./compare-filter";
import { SiteRank } from "./comparison";
import { FactDimension, figureOf, Grain, protectFacts } from "./facts";
import { groupFacts } from "./fact-groups";

/** `siteRanking`: one partnership's sites on one indicator, ranked by the figures shown. */
export async function rankSites(
  ctx: RegionalContext,
  { partnership, indicator, filter }: { partnership: string; indicator: string; filter: CompareFilter | undefined },
): Promise<SiteRank[]> {
  assertServes(ctx, partnership);
  validateCompareFilter(filter);
  const [definition] = await catalogueEntries(ctx, [indicator]);
  assertPublishedBoundaries(
    ctx,
    { indicators: [definition!], filter, byPeriod: false, grain: Grain.QUARTER, bySite: true },
    { filter: "filter", by: "partnership", grain: "grain" },
  );
  // Routed to this one shard: the shard protects, the gateway merges nothing here.
  const groups = protectFacts(
    ctx,
    (await groupFacts(ctx, definition!, [FactDimension.SITE], Grain.QUARTER, filter)).filter((group) => group.siteId !== null),
  );
  const ranks = groups.map((group) =>
    Object.assign(new SiteRank(), {
      rank: null as number | null,
      siteId: encodeGlobalId(ctx.partnership, "PilotSite", String(group.siteId)),
      siteName: String(group.siteName),
      value: figureOf(definition!, group),
      n: group.n,
      families: group.families,
      suppressed: group.suppressed,
      protection: group.protection,
      origin: group.origin,
    }),
  );
  // Ranked by the figures shown, so a rank gives away no more than the figures do.
  const better = definition!.direction === IndicatorDirection.LOWER_IS_BETTER ? 1 : -1;
  const shown = ranks.filter((rank) => rank.value !== null).sort((a, b) => better * (a.value! - b.value!) || a.siteName.localeCompare(b.siteName, "pl"));
  shown.forEach((rank, index) => {
    const previous = shown[index - 1];
    rank.rank = previous && previous.value === rank.value ? previous.rank : index + 1;
  });
  const hidden = ranks.filter((rank) => rank.value === null).sort((a, b) => a.siteName.localeCompare(b.siteName, "pl"));
  return [...shown, ...hidden];
}
