import { Controller, Get } from '@nestjs/common';
import { Public } from '#libs/auth';
import { openApiDocument } from './openapi.document';

@Controller()
@Public()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  get() {
    return this.document;
  }
}
