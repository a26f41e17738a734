import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  changeSettings, currentSettings, draftSettings, requireAdmin, setIcon, standardsFields, storedSettings, type StandardsField,
} from '../../settings/index.js';
import { DatelineError, isDatelineError } from '../../shared/index.js';
import { customStylesheet, homePage, sendPage, themeStylesheet } from '../../site/index.js';
import { readUpload } from '../api/routes/images.js';
import type { Identity } from '../auth/auth.js';
import { settingsContext, type NewsroomDeps } from '../context.js';
import { uploadLogo } from '../settings.js';
import { flashFrom, redirectWithOutcome, withFlash } from './flash.js';
import type { FormBody } from './forms.js';
import { settingsPage } from './pages/settings.js';
import { formValues, patchFromForm, postedValues, type SettingsFormValues } from './settings-form.js';

const previewKey = (me: Identity) => `preview:${me.actor.user.id}`;

/** A refusal names a settings field; on the form a standards address is its own input. */
function formField(field: string, values: SettingsFormValues): string {
  const top = field.split('.')[0]!;
  return (standardsFields as readonly string[]).includes(top) && values[top as StandardsField] === 'url' ? `${top}Url` : top;
}

/** /newsroom/settings (admins): the form, its preview before saving, the logo and icon uploads. */
export function settingsUiRoutes(app: FastifyInstance, deps: NewsroomDeps, admin: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = settingsContext(deps);

  const render = async (req: FastifyRequest, reply: FastifyReply, me: Identity, values: SettingsFormValues,
    o: { error?: { field: string; message: string }; previewUrl?: string; status?: number } = {}) => {
    const [stored, pages, images] = await Promise.all([
      currentSettings(ctx), deps.store.content.publishedPages(), deps.store.content.images({ page: 1, pageSize: 100 }),
    ]);
    return sendPage(reply, settingsPage({
      settings: deps.settings, user: me.actor.user, csrf: me.csrfToken ?? '', values, stored, pages, images: images.items,
      error: o.error ?? null, previewUrl: o.previewUrl ?? null, flash: flashFrom(req.query),
    }), o.status ?? 200);
  };

  app.get('/settings', async (req, reply) => {
    const me = await admin(req);
    return render(req, reply, me, formValues(await currentSettings(ctx)));
  });

  app.post('/settings', async (req, reply) => {
    const me = await admin(req);
    const values = postedValues(req.body as FormBody);
    try {
      if (values.intent === 'preview') {
        const draft = await draftSettings(ctx, me.actor, patchFromForm(values));
        await deps.store.siteSettings.writeScratch(previewKey(me), draft);
        const version = createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 12);
        return await render(req, reply, me, values, { previewUrl: `/newsroom/settings/preview?v=${version}` });
      }
      await changeSettings(ctx, me.actor, patchFromForm(values));
      return reply.redirect(withFlash('/newsroom/settings', 'ok', 'Settings saved: every page shows them now'), 303);
    } catch (e) {
      if (!isDatelineError(e) || e.code !== 'INVALID_INPUT') throw e;
      return render(req, reply, me, values, { error: { field: formField(e.field ?? 'name', values), message: e.message }, status: 400 });
    }
  });

  // The preview: the home page as the unsaved settings would make it, with their own stylesheets.
  const draftOf = async (me: Identity) => storedSettings(await deps.store.siteSettings.readScratch(previewKey(me)) ?? deps.look.stored, deps.look.defaults);
  app.get('/settings/preview', async (req, reply) => {
    const me = await admin(req);
    const draft = await draftOf(me);
    const settings = await deps.look.resolve(draft, { ...deps.settings });
    const custom = customStylesheet(draft.customCss);
    settings.stylesheets = [themeStylesheet(draft), ...(custom ? [custom] : [])].map((sheet) => `/newsroom/settings/preview${sheet.href.slice('/assets'.length)}`);
    const [nav, page] = await Promise.all([deps.store.content.navigation(), deps.store.content.latest({ page: 1, pageSize: settings.pageSize })]);
    return sendPage(reply, homePage({ settings, nav, page, path: '/' }));
  });
  app.get<{ Params: { file: string } }>('/settings/preview/:file', async (req, reply) => {
    const me = await admin(req);
    const draft = await draftOf(me);
    const sheet = [themeStylesheet(draft), customStylesheet(draft.customCss)].find((s) => s?.href === `/assets/${req.params.file}`);
    if (!sheet) throw new DatelineError('NOT_FOUND', 'that preview is no longer the latest');
    return reply.type('text/css; charset=utf-8').send(sheet.css);
  });

  // The logo and the icon are files: the form is multipart, its CSRF token in the address.
  const upload = (what: 'logo' | 'icon', run: (me: Identity, bytes: Buffer) => Promise<unknown>) => {
    app.post<{ Querystring: { _csrf?: string } }>(`/settings/${what}`, async (req, reply) => {
      const me = await deps.auth.identify(req);
      if (!me) throw new DatelineError('UNAUTHENTICATED');
      deps.auth.checkCsrf(req, me, req.query._csrf ?? '');
      requireAdmin(me.actor);
      return redirectWithOutcome(reply, '/newsroom/settings', async () => {
        await run(me, (await readUpload(req)).bytes);
        return `The new ${what} is on every page`;
      }, [401, 403]);
    });
    app.post(`/settings/${what}/remove`, async (req, reply) => {
      const me = await admin(req);
      return redirectWithOutcome(reply, '/newsroom/settings', async () => {
        await changeSettings(ctx, me.actor, { [what]: null });
        return `The ${what} is removed`;
      }, [401, 403]);
    });
  };
  upload('logo', (me, bytes) => uploadLogo(deps, me.actor, bytes));
  upload('icon', (me, bytes) => setIcon(ctx, me.actor, bytes));
}
