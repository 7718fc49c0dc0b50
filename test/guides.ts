import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");

/** A document of the README's family: its path from the root, and its text. */
export type Guide = { path: string; text: string };

/**
 * The README, then the guides it lists under "Where to go next", in that
 * order: the order their examples run in, one after the other, on one hub.
 */
export function readmeAndGuides(): Guide[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const next = readme.split("\n## Where to go next\n")[1]?.split("\n## ")[0];
  if (!next) throw new Error('README.md has no "## Where to go next" section');
  const linked = [...next.matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((match) => match[1]!);
  return [{ path: "README.md", text: readme }, ...[...new Set(linked)].map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }))];
}

/** The fenced code blocks of a document, with their language and the prose between one block and the next. */
export function codeBlocks(guide: Guide): { language: string; code: string; after: string }[] {
  const blocks = [...guide.text.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  return blocks.map((block, index) => {
    const next = blocks[index + 1];
    const end = block.index! + block[0].length;
    return { language: block[1]!, code: block[2]!, after: guide.text.slice(end, next ? next.index : undefined).trim() };
  });
}

/** Relative links of a document (no URLs, no in-page anchors), resolved from the document's folder. */
export function relativeLinks(guide: Guide): { link: string; target: string }[] {
  return [...guide.text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1]!)
    .filter((link) => !/^[a-z]+:/.test(link))
    .map((link) => ({ link, target: join(ROOT, dirname(guide.path), link) }));
}
