import type { RequestHandler } from "express";
import { ErrorCode } from "@kooperacja/contract";

/**
 * How deeply a request body may nest. The hub's own inputs nest a few levels
 * (a filter, a JSON object of a saved comparison); a body nested thousands
 * deep exists only to overflow the stack of whatever walks it next (variable
 * coercion), so it is refused before anything does.
 */
export const MAX_BODY_DEPTH = 64;

/** The nesting depth of a parsed JSON value, counted without recursion and given up on past `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node as object)) stack.push([child, level]);
  }
  return deepest;
}

/** Refuses (400 BAD_REQUEST) a parsed body nested deeper than MAX_BODY_DEPTH. */
export function bodyDepthLimit(limit = MAX_BODY_DEPTH): RequestHandler {
  return (req, res, next) => {
    if (jsonDepth(req.body, limit) > limit) {
      res
        .status(400)
        .json({ errors: [{ message: `The request is nested deeper than ${limit} levels.`, extensions: { code: ErrorCode.BAD_REQUEST, limit: "depth" } }] });
      return;
    }
    next();
  };
}
