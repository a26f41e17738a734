import type { FastifyInstance, FastifyRequest } from 'fastify';
import { iconPath, iconSizes, logoPath } from '../../../media/index.js';
import { changeSettings, currentSettings, fontPairings, requireAdmin, setIcon, type PublicationSettings } from '../../../settings/index.js';
import { DatelineError } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import { settingsContext, type NewsroomDeps } from '../../context.js';
import { uploadLogo } from '../../settings.js';
import { readUpload } from './images.js';

/** The settings as the API shows them: what is stored, the logo and icon as addresses. */
function settingsJson(s: PublicationSettings) {
  const { logo, icon, ...rest } = s;
  return {
    ...rest,
    logo: logo === null ? null : logo.kind === 'svg' ? { kind: 'svg', url: `/media/${logoPath(logo.key)}`, width: logo.width, height: logo.height } : { kind: 'image', imageId: logo.imageId },
    icon: icon === null ? null : { urls: Object.fromEntries(iconSizes.map((size) => [size, `/media/${iconPath(icon.key, size)}`])) },
    fontPairings: Object.values(fontPairings).map((p) => ({ id: p.id, label: p.label })),
  };
}

/** GET/PATCH /settings and the logo and icon uploads: admins only. */
export function settingsRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const admin = async (req: FastifyRequest) => {
    const me = await who(req);
    requireAdmin(me.actor);
    return me;
  };
  const ctx = settingsContext(deps);

  app.get('/settings', async (req) => {
    await admin(req);
    return settingsJson(await currentSettings(ctx));
  });

  app.patch('/settings', async (req) => {
    const me = await admin(req);
    return settingsJson(await changeSettings(ctx, me.actor, req.body));
  });

  const upload = (path: string, run: (me: Identity, bytes: Buffer) => Promise<PublicationSettings>) => app.post(path, async (req) => {
    const me = await admin(req);
    if (!req.isMultipart()) throw new DatelineError('INVALID_INPUT', 'send the file as multipart/form-data', { field: 'file' });
    const { bytes } = await readUpload(req);
    return settingsJson(await run(me, bytes));
  });
  upload('/settings/logo', (me, bytes) => uploadLogo(deps, me.actor, bytes));
  upload('/settings/icon', (me, bytes) => setIcon(ctx, me.actor, bytes));
}
