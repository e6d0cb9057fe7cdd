import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#core/people';

export const PUBLIC_ROUTE = 'public-route';
/** Readable without a token (health, OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
