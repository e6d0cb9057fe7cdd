/** The part of multer (2.x) the staff import uses; the package ships no types. */
declare module 'multer' {
  import type { IncomingMessage } from 'node:http';

  namespace multer {
    interface Limits {
      fieldNameSize?: number;
      fieldSize?: number;
      fields?: number;
      fileSize?: number;
      files?: number;
      parts?: number;
      headerPairs?: number;
    }
    type Middleware = (req: IncomingMessage, res: unknown, next: (error?: unknown) => void) => void;
  }
  function multer(options?: { limits?: multer.Limits }): { single(field: string): multer.Middleware };
  export = multer;
}
