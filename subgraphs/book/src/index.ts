export { bookConfig, BOOK_ENV, DEFAULT_BOOK_PORT, type BookConfig } from "./config";
export { startBookService } from "./service";
export { bookSchema } from "./schema";
export { openBookDatabase } from "./database";
