import { PARTNERSHIPS, type PartnershipKey, type Readiness } from "@kooperacja/shared";

const PROBE_DEADLINE_MS = 3_000;

type ServiceState = "ready" | "not ready" | "unreachable";

/** A service's own readiness, by its /health/ready. */
async function probe(serviceUrl: string): Promise<ServiceState> {
  try {
    const response = await fetch(new URL("health/ready", serviceUrl), { signal: AbortSignal.timeout(PROBE_DEADLINE_MS) });
    await response.body?.cancel();
    return response.ok ? "ready" : "not ready";
  } catch {
    return "unreachable";
  }
}

/**
 * The gateway's readiness lists every service behind it. The gateway serves
 * partial answers when a region is down (with an error naming it), so it is
 * ready while any region can answer, and says "degraded" when some cannot;
 * it is not ready only when no region can. Reasons stay with each service's
 * own /health/ready, which is not published.
 */
export async function servicesReadiness(shardUrls: Record<PartnershipKey, string>, bookUrl: string): Promise<Readiness> {
  const entries = Object.entries(shardUrls) as [PartnershipKey, string][];
  // Each probe has its own deadline, so this answers within PROBE_DEADLINE_MS.
  const [book, ...states] = await Promise.all([probe(bookUrl), ...entries.map(([, url]) => probe(url))]);
  const shards = Object.fromEntries(entries.map(([partnership], index) => [partnership, { macroregion: PARTNERSHIPS[partnership].macroregion, state: states[index]! }]));
  const readyShards = states.filter((state) => state === "ready").length;
  return {
    ready: readyShards > 0,
    degraded: readyShards < entries.length || book !== "ready",
    shards,
    book: { state: book! },
  };
}
