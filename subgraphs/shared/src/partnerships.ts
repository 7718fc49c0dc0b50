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
}

export const PARTNERSHIPS: Record<PartnershipKey, PartnershipInfo> = {
  liderzy: { key: "liderzy", macroregion: "I", name: "Liderzy kooperacji" },
  kooperacja: { key: "kooperacja", macroregion: "II", name: "Kooperacja – efektywna i skuteczna" },
  kooperacje3d: {
    key: "kooperacje3d",
    macroregion: "III",
    name: "Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin",
  },
};

export function isPartnershipKey(value: unknown): value is PartnershipKey {
  return typeof value === "string" && (PARTNERSHIP_KEYS as readonly string[]).includes(value);
}
