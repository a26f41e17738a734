import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { DatelineError, parseQuery } from '../../../shared/index.js';
import { searchListQuery } from '../../queries.js';
import type { Identity } from '../../auth/auth.js';
import type { NewsroomDeps } from '../../context.js';
import { editImageText, uploadImage } from '../../media.js';
import { imageJson } from '../present.js';
import { imageText } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** Reads a multipart upload: the file, plus alt/caption/credit fields sent before or after it. */
export async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (bytes) throw new DatelineError('INVALID_INPUT', 'send one file at a time', { field: 'file' });
      bytes = await (part as MultipartFile).toBuffer();
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!bytes) throw new DatelineError('INVALID_INPUT', 'no file in the upload', { field: 'file' });
  return { bytes, fields };
}

export function imageRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  app.post('/images', async (req, reply) => {
    const me = await who(req);
    if (!req.isMultipart()) throw new DatelineError('INVALID_INPUT', 'send the image as multipart/form-data', { field: 'file' });
    const { bytes, fields } = await readUpload(req);
    const text = parseBody(imageText, fields);
    const image = await uploadImage(deps, me.actor, bytes, { alt: text.alt ?? '', caption: text.caption ?? '', credit: text.credit ?? '' });
    return reply.code(201).send(imageJson(image));
  });

  app.get('/images', async (req) => {
    await who(req);
    const { page, q } = parseQuery(searchListQuery, req.query);
    const list = await deps.store.content.images({ page, pageSize: 50, text: q || undefined });
    return { items: list.items.map(imageJson), total: list.total, page: list.page };
  });

  app.patch<{ Params: { id: string } }>('/images/:id', async (req) => {
    const me = await who(req);
    return imageJson(await editImageText(deps, me.actor, idParam(req.params.id, 'image'), parseBody(imageText, req.body)));
  });
}
