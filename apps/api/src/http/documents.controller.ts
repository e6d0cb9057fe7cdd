import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { DocumentsService } from '#libs/documents';
import { type HttpReply } from '#libs/kernel';

/** RFC 6266: an ASCII fallback and the Russian name in `filename*`. */
const disposition = (type: 'inline' | 'attachment', fileName: string) =>
  `${type}; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The documents of a mentorship (orders, consents, reports): DOCX and printable HTML, filled from its data. */
@Controller('mentorships/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  list(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.documents.list(actor, id);
  }

  /**
   * Attaches a final document to its step by hand (curator, head): for a step recorded before steps attached
   * their documents, or whose attachment a failure left unwritten. 201 when recorded now, 200 when it was.
   */
  @Post(':kind')
  async attach(
    @Param('id') id: string, @Param('kind') kind: string, @Body() body: unknown,
    @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply,
  ) {
    const { attachment, replayed } = await this.documents.attach(actor, id, kind, body);
    res.status(replayed ? 200 : 201);
    return { ...attachment, replayed };
  }

  /** `?format=docx|html[&personId=]`: reads only. `X-Content-Hash` is the hash of the content; `X-Document-Id` the step's record of it. */
  @Get(':kind')
  async get(
    @Param('id') id: string, @Param('kind') kind: string, @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor, @Res() res: HttpReply,
  ) {
    const doc = await this.documents.generate(actor, id, kind, query);
    res.header('Content-Type', doc.contentType);
    res.header('Content-Disposition', disposition(doc.contentType.startsWith('text/html') ? 'inline' : 'attachment', doc.fileName));
    res.header('X-Content-Hash', doc.contentHash);
    res.header('X-Document-Status', doc.model.status);
    if (doc.attachment) res.header('X-Document-Id', doc.attachment.documentId);
    // A printable page of someone's data: the app's policy for generated HTML (no scripts, never framed) and no-store hold (security-headers.ts).
    res.send(doc.body);
  }
}
