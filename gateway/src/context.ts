import type { Identity, ServiceName } from "@kooperacja/service-kit";

/** Per-request state of the gateway, shared with the data sources. */
export interface GatewayContext {
  requestId: string;
  /** The verified caller. */
  identity: Identity;
  /** The signed assertion of the caller's identity that a fetch to `audience` carries: addressed to that service alone, for seconds. */
  assertion(audience: ServiceName): Promise<string>;
  /** The estimated cost of the request's operations so far: a batch shares one budget (MAX_COST). */
  cost?: { spent: number };
  /** Filled by the data sources; reported when the client asks with `x-hub-debug: sql`. */
  stats?: { sqlStatements: number };
  /** Regions that could not answer some part of this request. */
  missingRegions?: Set<string>;
  /** An operation the gateway composed itself (an export's fixed query), not a client's: the query limits bound clients' queries. */
  trusted?: boolean;
  /** The public's GET of a persisted query: its answer may be kept by HTTP caches. */
  publicCacheable?: boolean;
  /** Every call to a shard, reported when the client asks with `x-hub-debug: shards`. */
  shardCalls?: ShardCall[];
}

export interface ShardCall {
  partnership: string;
  fields: string[];
  durationMs: number;
  outcome: "ok" | "errors" | "unavailable" | "timeout";
  /** Size of the data the shard returned, in bytes of JSON. */
  bytes: number;
}
