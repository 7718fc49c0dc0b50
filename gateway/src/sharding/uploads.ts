import { ErrorCode, hubError, type ForwardedUpload } from "@kooperacja/contract";
import Upload from "graphql-upload/Upload.mjs";

/**
 * Files a client sent by the GraphQL multipart request convention arrive
 * as `Upload` promises in the variables; the shard gets each file's bytes
 * inline (base64), so the hop to it stays one ordinary JSON request.
 */
export async function forwardUploads(variables: Record<string, unknown>, maxBytes: number): Promise<Record<string, unknown>> {
  const entries = await Promise.all(Object.entries(variables).map(async ([name, value]) => [name, await forward(value, maxBytes)] as const));
  return Object.fromEntries(entries);
}

async function forward(value: unknown, maxBytes: number): Promise<unknown> {
  if (value instanceof Upload) return read(value, maxBytes);
  if (Array.isArray(value)) return Promise.all(value.map((item) => forward(item, maxBytes)));
  return value;
}

async function read(upload: Upload, maxBytes: number): Promise<ForwardedUpload> {
  const file = await upload.promise;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of file.createReadStream()) chunks.push(chunk as Buffer);
  } catch (error) {
    // graphql-upload stops the stream of a file over maxFileSize with a 413.
    if ((error as { status?: number }).status === 413) {
      throw hubError(ErrorCode.LIMIT_EXCEEDED, `The file ${file.filename} is larger than the ${maxBytes} bytes the gateway accepts.`, { limit: "uploadSize" });
    }
    throw hubError(ErrorCode.BAD_REQUEST, `The file ${file.filename} could not be read: ${(error as Error).message}`);
  }
  return { forwardedUpload: 1, filename: file.filename, mimetype: file.mimetype, base64: Buffer.concat(chunks).toString("base64") };
}
