import { BadRequestException, mixin, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import multer from 'multer';
import type { Observable } from 'rxjs';

/** The uploaded file as the route reads it (`@UploadedFile()`). */
export interface UploadedStaffFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

type RawRequest = IncomingMessage & { file?: UploadedStaffFile; body?: unknown };

/** multer's and busboy's refusals of a malformed or oversized form: the caller's fault, so 4xx; anything else stays a 500. */
const CLIENT_ERRORS = new Set([
  'LIMIT_PART_COUNT', 'LIMIT_FILE_COUNT', 'LIMIT_FIELD_KEY', 'LIMIT_FIELD_VALUE', 'LIMIT_FIELD_COUNT', 'LIMIT_UNEXPECTED_FILE',
  'MISSING_FIELD_NAME', 'LIMIT_FIELD_NESTING', 'LIMIT_FIELD_ARRAY_INDEX', 'INVALID_FIELD_NAME',
]);
const BUSBOY_ERRORS = ['Multipart: Boundary not found', 'Malformed part header', 'Unexpected end of form', 'Unexpected end of file'];

function refusalOf(error: unknown): unknown {
  const { code, message, field } = error as { code?: string; message?: string; field?: string };
  if (code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeException(message);
  if (code !== undefined && CLIENT_ERRORS.has(code)) return new BadRequestException(field ? `${message} - ${field}` : message);
  if (message !== undefined && BUSBOY_ERRORS.includes(message)) return new BadRequestException(message);
  return error;
}

/**
 * One file of a multipart form (field `field`), held in memory within `limits`, read from the request
 * itself: the body parser leaves a multipart body unread. A request of another type has no file.
 */
export function StaffFileInterceptor(field: string, limits: multer.Limits): new () => NestInterceptor {
  const upload = multer({ limits }).single(field);
  return mixin(class implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<{ raw: RawRequest; file?: UploadedStaffFile; body?: unknown }>();
      await new Promise<void>((resolve, reject) => upload(req.raw, undefined, (error?: unknown) => (error ? reject(refusalOf(error)) : resolve())));
      req.file = req.raw.file;
      if (req.raw.file) req.body = req.raw.body;
      return next.handle();
    }
  });
}
