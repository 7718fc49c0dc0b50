import { validate, type ValidationError } from "class-validator";
import type { ValidatorFn } from "type-graphql";
import { ErrorCode, hubError } from "@kooperacja/contract";

/**
 * type-graphql's `validateFn`: runs class-validator on every input object
 * and answers BAD_USER_INPUT naming the first field at fault, with all of
 * them in `extensions.fields`.
 */
export const validateArgument: ValidatorFn = async (value) => {
  for (const item of Array.isArray(value) ? value : [value]) {
    // Only instances of decorated input classes carry rules; scalars and plain objects have none.
    if (!item || typeof item !== "object" || item.constructor === Object) continue;
    const errors = validationProblems(await validate(item, { forbidUnknownValues: false }));
    const first = errors[0];
    if (first) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `${first.field}: ${first.messages.join("; ")}.`, { field: first.field, fields: errors });
    }
  }
};

/** class-validator's nested errors as one list: each field at fault (dotted path) with its messages. */
export function validationProblems(errors: ValidationError[], prefix = ""): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...validationProblems(error.children ?? [], `${field}.`)];
  });
}
