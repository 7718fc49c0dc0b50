/**
 * The three macroregional partnerships of PO WER action 2.5. Every regional
 * deployment serves exactly one of them; the gateway shards by this key.
 */
export const PARTNERSHIP_KEYS = ["liderzy", "kooperacja", "kooperacje3d"] as const;

export type PartnershipKey = (typeof PARTNERSHIP_KEYS)[number];

export interface PartnershipInfo {
  key: PartnershipKey;
  /** Roman numeral of the macroregion, as the programme documents write it. */
  macroregion: "I" | "II" | "III";
  name: string;
  /** TERYT codes of the voivodeships of the macroregion: a row of a unit in one of them can only live in this shard. */
  voivodeships: readonly string[];
}

export const PARTNERSHIPS: Record<PartnershipKey, PartnershipInfo> = {
  liderzy: { key: "liderzy", macroregion: "I", name: "Liderzy kooperacji", voivodeships: ["06", "14", "18", "20", "26"] },
  kooperacja: {
    key: "kooperacja",
    macroregion: "II",
    name: "Kooperacja – efektywna i skuteczna",
    voivodeships: ["04", "08", "22", "28", "30", "32"],
  },
  kooperacje3d: {
    key: "kooperacje3d",
    macroregion: "III",
    name: "Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin",
    voivodeships: ["10", "12", "16", "24"],
  },
};

/** Position of a partnership in the national order (macroregion I, II, III); the tie-breaker across shards. */
export function partnershipRank(key: PartnershipKey): number {
  return PARTNERSHIP_KEYS.indexOf(key);
}

export function isPartnershipKey(value: unknown): value is PartnershipKey {
  return typeof value === "string" && (PARTNERSHIP_KEYS as readonly string[]).includes(value);
}
