/**
 * How the gateway hands a file it received by the GraphQL multipart request
 * convention on to the shard that imports it: inline in the variables, so
 * the hop to the shard stays one plain JSON request like every other.
 */
export interface ForwardedUpload {
  forwardedUpload: 1;
  filename: string;
  mimetype: string;
  base64: string;
}

export function isForwardedUpload(value: unknown): value is ForwardedUpload {
  const candidate = value as Partial<ForwardedUpload> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.forwardedUpload === 1 &&
    typeof candidate.filename === "string" &&
    typeof candidate.mimetype === "string" &&
    typeof candidate.base64 === "string"
  );
}
