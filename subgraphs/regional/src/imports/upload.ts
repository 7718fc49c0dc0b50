import { ErrorCode, hubError, isForwardedUpload } from "@kooperacja/contract";
import { GraphQLScalarType } from "graphql";

/** A file as a resolver sees it. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  content: Buffer;
}

const refuse = (message: string) => hubError(ErrorCode.BAD_USER_INPUT, message);

export const UploadScalar = new GraphQLScalarType<UploadedFile, never>({
  name: "Upload",
  description:
    "A file. Send it to the gateway by the GraphQL multipart request convention (https://github.com/jaydenseric/graphql-multipart-request-spec), as the value of a variable.",
  parseValue(value) {
    if (!isForwardedUpload(value)) throw refuse("Upload: send the file as a variable of a multipart request to the gateway.");
    return { filename: value.filename, mimetype: value.mimetype, content: Buffer.from(value.base64, "base64") };
  },
  parseLiteral() {
    throw refuse("Upload: a file cannot be written in the query; send it as a variable of a multipart request.");
  },
  serialize() {
    throw new Error("Upload is an input type only.");
  },
});
