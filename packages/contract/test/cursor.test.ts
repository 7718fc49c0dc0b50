import { describe, expect, it } from "vitest";
import { CursorSigner, decodeShardCursor, encodeShardCursor } from "../src";

const position = { scope: "pilotSites:NAME:ASC", value: "Gmina Wysokie Mazowieckie", rank: 1, id: "UGlsb3RTaXRl" };

describe("gateway cursors", () => {
  const signer = new CursorSigner("a-secret");

  it("round-trip a position, numbers and strings alike", () => {
    expect(signer.decode(signer.encode(position), position.scope)).toEqual(position);
    const numeric = { ...position, scope: "supportActivities:DATE:DESC", value: 42.5 };
    expect(signer.decode(signer.encode(numeric), numeric.scope)).toEqual(numeric);
  });

  it("refuse a cursor of another order, another hub, or altered, as BAD_USER_INPUT saying why", () => {
    const cursor = signer.encode(position);
    const refusal = (given: unknown, scope = position.scope) => {
      try {
        signer.decode(given, scope);
      } catch (error) {
        return [(error as { extensions: { code: string } }).extensions.code, (error as Error).message];
      }
      return null;
    };
    expect(refusal(cursor, "pilotSites:NAME:DESC")).toEqual([
      "BAD_USER_INPUT",
      expect.stringContaining("it belongs to pilotSites:NAME:ASC, not to pilotSites:NAME:DESC"),
    ]);
    expect(refusal(new CursorSigner("another-secret").encode(position))).toEqual([
      "BAD_USER_INPUT",
      expect.stringContaining("altered or not issued by this hub"),
    ]);
    const [body, signature] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify([position.scope, "Z", 1, position.id])).toString("base64url");
    expect(refusal(`${forged}.${signature}`)).toEqual(["BAD_USER_INPUT", expect.stringContaining("altered")]);
    expect(refusal(`${body}`)).toEqual(["BAD_USER_INPUT", expect.stringContaining("not a cursor of this hub")]);
    expect(refusal(17)).toEqual(["BAD_USER_INPUT", expect.stringContaining("not a string")]);
  });
});

describe("shard cursors", () => {
  it("round-trip a shard position, with or without the row's id", () => {
    for (const shard of [
      { scope: "s", value: 3, id: "x", inclusive: false },
      { scope: "s", value: "b", id: null, inclusive: true },
    ]) {
      expect(decodeShardCursor(encodeShardCursor(shard), "s")).toEqual(shard);
    }
  });

  it("refuse a position of another scope or of the wrong shape", () => {
    expect(() => decodeShardCursor(encodeShardCursor({ scope: "s", value: 1, id: "x", inclusive: false }), "t")).toThrow(/belongs to s, not to t/);
    expect(() => decodeShardCursor(Buffer.from(JSON.stringify(["s", "s", { a: 1 }, "x", false])).toString("base64url"), "s")).toThrow(/malformed position/);
    expect(() => decodeShardCursor(Buffer.from(JSON.stringify(["g", "s", 1, "x", false])).toString("base64url"), "s")).toThrow(/not a cursor of this hub/);
  });
});
