import "reflect-metadata";
import { bookConfig, startBookService } from "@kooperacja/book";
import { regionalConfig, startRegionalService } from "@kooperacja/regional";
import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { CLOSE_MARGIN_MS, startTracing, stopTracing, type RunningService } from "@kooperacja/service-kit";
import type { DestinationStream } from "pino";
import { gatewayConfig, startGateway } from "@kooperacja/gateway";

export interface Hub {
  gateway: RunningService;
  regions: Record<PartnershipKey, RunningService>;
  book: RunningService;
  stop(): Promise<void>;
  stopTimeoutMs: number;
}

/**
 * Starts the whole hub in one process: three regional deployments, the book
 * and the gateway, each on its own port. `npm start` and the tests both use
 * this; settings come from `env` (ports 0 pick free ones), JSON log lines go
 * to `logTo` (stdout when unset).
 */
export async function startHub(env: NodeJS.ProcessEnv = process.env, logTo?: DestinationStream): Promise<Hub> {
  const started: RunningService[] = [];
  // One process, one tracer provider: named for the whole hub before any service names it.
  const tracing = startTracing("kooperacja-hub", gatewayConfig(env).otlpEndpoint);
  // Tracing ends with the hub that started it (a later hub of the same process may trace elsewhere, or not at all).
  const stopOwnTracing = () => (tracing ? stopTracing() : Promise.resolve());
  try {
    const regions = {} as Record<PartnershipKey, RunningService>;
    for (const partnership of PARTNERSHIP_KEYS) {
      regions[partnership] = await startRegionalService(regionalConfig(partnership, env), logTo);
      started.push(regions[partnership]);
    }
    // eslint-disable-next-line prefer-const -- assigned once the gateway listens; the book's callback reads it from then on.
    let gatewayUrl: string | undefined;
    // The book asks the gateway for the figures of its evidence; the gateway's port is known only once it listens.
    const book = await startBookService(bookConfig(env), () => gatewayUrl ?? bookConfig(env).hubUrl, logTo);
    started.push(book);
    const shardUrls = Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [key, regions[key].url])) as Record<PartnershipKey, string>;
    const gateway = await startGateway({ ...gatewayConfig(env), shardUrls, bookUrl: book.url }, logTo);
    started.push(gateway);
    gatewayUrl = gateway.url;
    return {
      gateway,
      regions,
      book,
      // The gateway first, so no request reaches a stopped subgraph.
      stop: async () => {
        for (const service of started.reverse()) await service.stop();
        await stopOwnTracing();
      },
      // The gateway's requests in flight wait for the subgraphs, which then have none left: one wait, then each closes.
      stopTimeoutMs: Math.max(...started.map((service) => service.stopTimeoutMs)) + started.length * CLOSE_MARGIN_MS,
    };
  } catch (error) {
    for (const service of started.reverse()) await service.stop();
    await stopOwnTracing();
    throw error;
  }
}
