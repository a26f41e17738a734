import type { FastifyInstance, FastifyRequest } from 'fastify';
import { editProfile, mayEditProfile, type PersonProfile } from '../../../content/index.js';
import { DatelineError, parseQuery } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../../context.js';
import { peopleQuery } from '../../queries.js';
import { imageJson } from '../present.js';
import { profilePatch } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** People and their profiles: every signed-in writer reads them; editors, or the person, edit. */
export function peopleRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  // A private address is for those who may keep the profile.
  const present = (me: Identity, p: PersonProfile) => personJson(p, mayEditProfile(me.actor, p));

  app.get('/people', async (req) => {
    const me = await who(req);
    const { q, page: number } = parseQuery(peopleQuery, req.query);
    const page = await deps.store.content.people({ page: number, pageSize: 50, text: q || undefined });
    return { items: page.items.map((p) => present(me, p)), total: page.total, page: page.page };
  });

  app.get<{ Params: { id: string } }>('/people/:id', async (req) => {
    const me = await who(req);
    const person = await deps.store.content.personProfile(idParam(req.params.id, 'person'));
    if (!person) throw new DatelineError('NOT_FOUND', 'no such person');
    return present(me, person);
  });

  app.patch<{ Params: { id: string } }>('/people/:id', async (req) => {
    const me = await who(req);
    const input = parseBody(profilePatch, req.body);
    return present(me, await editProfile(ctx, me.actor, idParam(req.params.id, 'person'), input));
  });
}

/** A person as the API shows them; `email` only to those who may see it (editors, the person). */
export function personJson(p: PersonProfile, showEmail: boolean) {
  return {
    id: p.id, slug: p.slug, name: p.name, url: `/author/${p.slug}`, jobTitle: p.jobTitle, bio: p.bio,
    photo: p.photo ? imageJson(p.photo) : null, beat: p.beat.map((t) => t.name), links: p.links,
    email: showEmail || p.emailPublic ? p.email : null, emailPublic: p.emailPublic,
    team: p.team, teamPosition: p.teamPosition, position: p.position, userId: p.userId,
  };
}
