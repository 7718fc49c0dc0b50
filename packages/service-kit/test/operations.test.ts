import { describe, expect, it } from "vitest";
import { boundedError, MAX_LOGGED_ERROR_CHARS } from "../src/operations";

describe("errors in the log", () => {
  it("keeps a driver error's message and stack to a bounded length, saying how long they were", () => {
    const statement = `select * from site where teryt in (${Array.from({ length: 50_000 }, (_, index) => `'${index}'`).join(",")})`;
    const logged = boundedError(new Error(`SQLITE_ERROR: Expression tree is too large: ${statement}`)) as { message: string; stack: string; type: string };
    expect(logged.type).toBe("Error");
    expect(logged.message.length).toBeLessThan(MAX_LOGGED_ERROR_CHARS + 40);
    expect(logged.message).toMatch(/^SQLITE_ERROR: Expression tree is too large: select/);
    expect(logged.message).toMatch(/… \(\d{6} characters\)$/);
    expect(logged.stack.length).toBeLessThan(MAX_LOGGED_ERROR_CHARS + 40);
    const short = boundedError(new Error("short")) as { message: string };
    expect(short.message).toBe("short");
    expect(boundedError("not an error")).toBe("not an error");
  });
});
