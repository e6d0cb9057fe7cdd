import type { NextFunction, Request, Response } from 'express';
import { checkJsonLimits } from '#libs/kernel';

/** Right after the body parsers, before authentication and routing: a refused body costs no further work. */
export function bodyLimits(req: Request, _res: Response, next: NextFunction): void {
  try {
    checkJsonLimits(req.body);
  } catch (error) {
    next(error);
    return;
  }
  next();
}
