import { Field, ObjectType } from "type-graphql";

/**
 * Exact money. Amounts are kept in grosze as integers end to end; the decimal
 * string is derived, so no floating point ever touches a figure.
 */
@ObjectType({ description: "An exact amount of money in Polish złoty." })
export class Money {
  @Field(() => String, { description: "Amount in grosze (1/100 zł), as an integer string." })
  grosze!: string;

  @Field(() => String, { description: 'Amount as an exact decimal string with two places, e.g. "9966995.50".' })
  amount!: string;

  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;

  @Field(() => String, { description: 'Amount formatted the Polish way, e.g. "9 966 995,50 zł".' })
  formatted!: string;
}

export function moneyFromGrosze(grosze: string | bigint | null | undefined): Money | null {
  if (grosze === null || grosze === undefined) return null;
  const value = BigInt(grosze);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString();
  const fraction = (abs % 100n).toString().padStart(2, "0");
  const sign = negative ? "-" : "";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return Object.assign(new Money(), {
    grosze: value.toString(),
    amount: `${sign}${whole}.${fraction}`,
    currency: "PLN",
    formatted: `${sign}${grouped},${fraction} zł`,
  });
}

/** part / whole as a percentage with two decimals, rounded half up, computed exactly. */
export function percentage(part: string | bigint, whole: string | bigint): string {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w === 0n) throw new RangeError("percentage of zero");
  const hundredths = (p * 10_000n * 2n + w) / (2n * w);
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}
