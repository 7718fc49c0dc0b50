import { identityProblem, PARTNERSHIP_KEYS, PARTNERSHIPS, type ExpectedService, type PartnershipKey, type ServiceIdentity } from "@kooperacja/contract";
import { type Readiness } from "@kooperacja/service-kit";
import type { GatewayConfig } from "./config";

const PROBE_DEADLINE_MS = 3_000;

type ServiceState = "ready" | "not ready" | "unreachable" | "wrong service";

/** What each URL behind the gateway must be: a region of its partnership, or the book, on this gateway's contract and key. */
export function expectedServices(config: Pick<GatewayConfig, "shardUrls" | "bookUrl" | "contracts">, gatewayKey: string | undefined): ExpectedService[] {
  return [
    ...PARTNERSHIP_KEYS.map((partnership) => ({
      setting: `${partnership.toUpperCase()}_URL`,
      url: config.shardUrls[partnership],
      service: "region" as const,
      partnership,
      contract: config.contracts.regional,
      gatewayKey,
    })),
    { setting: "BOOK_URL", url: config.bookUrl, service: "book" as const, contract: config.contracts.book, gatewayKey },
  ];
}

interface Probe {
  state: ServiceState;
  /** Why the service is the wrong one. */
  reason?: string;
}

/** A service's readiness and who it says it is, by its /health/ready. A service that states no identity is judged by its readiness alone. */
async function probe(expected: ExpectedService): Promise<Probe> {
  try {
    const response = await fetch(new URL("health/ready", expected.url), { signal: AbortSignal.timeout(PROBE_DEADLINE_MS) });
    const body = (await response.json().catch(() => undefined)) as { service?: Partial<ServiceIdentity> } | undefined;
    const problem = body?.service ? identityProblem(expected, body.service) : null;
    if (problem) return { state: "wrong service", reason: problem };
    return { state: response.ok ? "ready" : "not ready" };
  } catch {
    return { state: "unreachable" };
  }
}

/**
 * At start: every URL that answers must answer as the service expected
 * there. A region of another partnership, another release's contract or
 * another hub's keys would be federated in silence, its figures taken for
 * the intended region's; the gateway refuses to start instead. A service
 * that does not answer yet is not a reason to refuse (it may come later).
 */
export async function identityProblems(expected: ExpectedService[]): Promise<string[]> {
  const probes = await Promise.all(expected.map(probe));
  return probes.flatMap((result) => (result.reason ? [result.reason] : []));
}

/**
 * The gateway's readiness lists every service behind it. The gateway serves
 * partial answers when a region is down (with an error naming it), so it is
 * ready while any region can answer, and says "degraded" when some cannot;
 * it is not ready only when no region can. A URL answering as another
 * service counts as one that cannot. Reasons stay with each service's own
 * /health/ready, which is not published; a wrong service's is the gateway's.
 */
export async function servicesReadiness(expected: ExpectedService[]): Promise<Readiness> {
  // Each probe has its own deadline, so this answers within PROBE_DEADLINE_MS.
  const probes = await Promise.all(expected.map(probe));
  const shards = Object.fromEntries(
    expected.flatMap((service, index) =>
      service.partnership
        ? [
            [
              service.partnership,
              {
                macroregion: PARTNERSHIPS[service.partnership as PartnershipKey].macroregion,
                state: probes[index]!.state,
                ...(probes[index]!.reason ? { reason: probes[index]!.reason } : {}),
              },
            ],
          ]
        : [],
    ),
  );
  const book = probes[expected.findIndex((service) => service.service === "book")]!;
  const readyShards = Object.values(shards).filter((shard) => shard.state === "ready").length;
  return {
    ready: readyShards > 0,
    degraded: readyShards < Object.keys(shards).length || book.state !== "ready",
    shards,
    book: { state: book.state, ...(book.reason ? { reason: book.reason } : {}) },
  };
}
