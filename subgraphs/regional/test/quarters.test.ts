import { describe, expect, it } from "vitest";
import { firstDayOf, firstQuarterFrom, lastDayOf, nextQuarter, quarterOfDay } from "../src/common/quarters";

describe("quarters", () => {
  it("names the quarter of a day, at both ends of every quarter", () => {
    expect(["2019-01-01", "2019-03-31", "2019-04-01", "2019-06-30", "2019-07-01", "2019-09-30", "2019-10-01", "2019-12-31"].map(quarterOfDay)).toEqual([
      "2019-Q1",
      "2019-Q1",
      "2019-Q2",
      "2019-Q2",
      "2019-Q3",
      "2019-Q3",
      "2019-Q4",
      "2019-Q4",
    ]);
  });

  it("gives a quarter's first and last days", () => {
    expect(["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"].map(firstDayOf)).toEqual(["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"]);
    expect(["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"].map(lastDayOf)).toEqual(["2020-03-31", "2020-06-30", "2020-09-30", "2020-12-31"]);
  });

  it("steps to the next quarter across a year's end", () => {
    expect(nextQuarter("2019-Q3")).toBe("2019-Q4");
    expect(nextQuarter("2019-Q4")).toBe("2020-Q1");
  });

  it("takes the quarters starting on or after a day: its own only when the day starts it", () => {
    expect(firstQuarterFrom("2020-04-01")).toBe("2020-Q2");
    expect(firstQuarterFrom("2020-04-02")).toBe("2020-Q3");
    expect(firstQuarterFrom("2020-12-31")).toBe("2021-Q1");
  });
});
