import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../accounts/index.js';
import { editProfile, mayEditProfile, type PersonProfile, type ProfileInput } from '../../content/index.js';
import { DatelineError, fail, isDatelineError, parseQuery } from '../../shared/index.js';
import { sendPage } from '../../site/index.js';
import { idParam } from '../api/validate.js';
import type { Identity } from '../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../context.js';
import { peopleQuery } from '../queries.js';
import { flashFrom, withFlash, type Flash } from './flash.js';
import { field, type FormBody } from './forms.js';
import { formValuesOf, peopleListPage, profileFormPage, type ProfileFormValues } from './pages/people.js';

const whole = (text: string, name: string): number => {
  if (!text.trim()) return 0;
  if (!/^-?\d{1,5}$/.test(text.trim())) throw fail('INVALID_INPUT', 'a whole number', name);
  return Number(text.trim());
};

function valuesFromForm(b: FormBody): ProfileFormValues {
  return {
    name: field(b, 'name'), jobTitle: field(b, 'jobTitle'), bio: field(b, 'bio'), photo: field(b, 'photo'), beat: field(b, 'beat'),
    links: field(b, 'links'), email: field(b, 'email'), emailPublic: field(b, 'emailPublic') === 'on', team: field(b, 'team'),
    teamPosition: field(b, 'teamPosition'), position: field(b, 'position'), userId: field(b, 'userId'),
  };
}

/** The form's values -> the command's input; the editors' fields only from a form that showed them. */
function inputOf(v: ProfileFormValues, editorial: boolean): ProfileInput {
  const input: ProfileInput = {
    jobTitle: v.jobTitle, bio: v.bio, photo: /^\d+$/.test(v.photo) ? Number(v.photo) : null,
    beat: v.beat.split(','), links: v.links.split(/\r?\n/), email: v.email, emailPublic: v.emailPublic,
  };
  if (!editorial) return input;
  return {
    ...input, name: v.name, team: v.team, teamPosition: whole(v.teamPosition, 'teamPosition'), position: whole(v.position, 'position'),
    userId: /^\d+$/.test(v.userId) ? Number(v.userId) : null,
  };
}

/** People in the newsroom: the list for everyone, each profile's form for those who may keep it. */
export function peopleUiRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const { settings } = deps;
  const ctx = commandContext(deps);

  app.get('/people', async (req, reply) => {
    const me = await who(req);
    const { q, page: number } = parseQuery(peopleQuery, req.query);
    const page = await deps.store.content.people({ page: number, pageSize: 100, text: q || undefined });
    return sendPage(reply, peopleListPage({
      settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, q, editable: (p) => mayEditProfile(me.actor, p), flash: flashFrom(req.query),
    }));
  });

  /** The person, if this user may keep their profile (else 403). */
  async function editable(me: Identity, id: number): Promise<PersonProfile> {
    const person = await deps.store.content.personProfile(id);
    if (!person) throw new DatelineError('NOT_FOUND', 'no such person');
    if (!mayEditProfile(me.actor, person)) throw new DatelineError('FORBIDDEN', 'only an editor, or the person themselves, may edit this profile');
    return person;
  }

  async function renderForm(reply: FastifyReply, me: Identity, person: PersonProfile, values: ProfileFormValues, flash: Flash | null, errorField?: string, status = 200) {
    const editorial = hasRole(me.actor, 'editor');
    const [images, users] = await Promise.all([
      deps.store.content.images({ page: 1, pageSize: 100 }), editorial ? deps.store.accounts.users() : Promise.resolve([]),
    ]);
    return sendPage(reply, profileFormPage({
      settings, user: me.actor.user, csrf: me.csrfToken ?? '', person, values, editorial, images: images.items, users, flash, errorField,
    }), status);
  }

  app.get<{ Params: { id: string } }>('/people/:id', async (req, reply) => {
    const me = await who(req);
    const person = await editable(me, idParam(req.params.id, 'person'));
    return renderForm(reply, me, person, formValuesOf(person), flashFrom(req.query));
  });

  app.post<{ Params: { id: string } }>('/people/:id', async (req, reply) => {
    const me = await who(req);
    const person = await editable(me, idParam(req.params.id, 'person'));
    const values = valuesFromForm(req.body as FormBody);
    try {
      const saved = await editProfile(ctx, me.actor, person.id, inputOf(values, hasRole(me.actor, 'editor')));
      return reply.redirect(withFlash(`/newsroom/people/${String(saved.id)}`, 'ok', `Saved the profile of ${saved.name}`), 303);
    } catch (e) {
      // Refused: the form comes back as typed, saying why.
      if (!isDatelineError(e) || ![400, 409].includes(e.status)) throw e;
      return renderForm(reply, me, person, values, { kind: 'error', text: `Not saved: ${e.field ? `${e.field}: ` : ''}${e.message}` }, e.field, e.status);
    }
  });
}
