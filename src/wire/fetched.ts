/** What the wire fetches over HTTP (feeds, pictures) and takes pushed: read with a ceiling, charset named. */

/** A response body, refused (with `tooLarge`) past `max` bytes, whether or not its length was declared. */
export async function readCapped(res: Response, max: number, tooLarge: () => Error): Promise<Buffer> {
  if (Number(res.headers.get('content-length')) > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The charset a Content-Type names ("text/xml; charset=ISO-8859-1"), or null. */
export const charsetOf = (contentType: string | null | undefined): string | null =>
  /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
