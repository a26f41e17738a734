import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import { editTopic, mergeTopic, suggestTopics } from '../../../content/index.js';
import type { Identity } from '../../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../../context.js';
import { topicMerge, topicPatch, topicSuggest } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';
import { parseQuery } from '../../../shared/index.js';
import { topicQuery } from '../../queries.js';

/** Topics: autocomplete and suggestion for every writer; renames, aliases and merges for editors. */
export function topicRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  // Contributors see only topics of published stories and of their own (as in autocomplete).
  const visibleTo = (me: Identity) => (hasRole(me.actor, 'editor') ? undefined : me.actor.user.id);

  app.get('/topics', async (req) => {
    const me = await who(req);
    return deps.store.content.topicNames(parseQuery(topicQuery, req.query).q, 20, visibleTo(me));
  });

  app.post('/topics/suggest', async (req) => {
    const me = await who(req);
    const input = parseBody(topicSuggest, req.body);
    return { suggestions: await suggestTopics(deps.store.content, input, visibleTo(me)) };
  });

  app.patch<{ Params: { id: string } }>('/topics/:id', async (req) => {
    const me = await who(req);
    const id = idParam(req.params.id, 'topic');
    await editTopic(ctx, me.actor, id, parseBody(topicPatch, req.body));
    return topicJson(id);
  });

  app.post<{ Params: { id: string } }>('/topics/:id/merge', async (req) => {
    const me = await who(req);
    const { into } = parseBody(topicMerge, req.body);
    await mergeTopic(ctx, me.actor, idParam(req.params.id, 'topic'), into);
    return topicJson(into);
  });

  async function topicJson(id: number) {
    const topic = await deps.store.content.topicById(id);
    return topic && { ...topic, aliases: await deps.store.content.topicAliases(id) };
  }
}
