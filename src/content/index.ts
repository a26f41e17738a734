export * from './model.js';
export type * from './page-model.js';
export * from './profile-model.js';
export type * from './ports.js';
export { bodyFromHtml, bodyFromParagraphs, bodyText, paragraphs, plainText } from './body.js';
export { bodyExtensions } from './body-schema.js';
export {
  saveArticle, requireSection, isStale, type ArticleInput, type CommandContext, type SaveOutcome,
} from './commands/save-article.js';
export { createSection, reservedSlugs, type SectionInput } from './commands/create-section.js';
export { createDraft, updateDraft, draftOf, limits, type DraftInput } from './commands/edit-article.js';
export { changeStatus, publishDue, type NotBefore } from './commands/change-status.js';
export { addCorrection } from './commands/corrections.js';
export { restoreRevision } from './commands/restore-revision.js';
export {
  createPage, updatePage, deletePage, restorePageRevision, assertPageSlugFree, pageLimits, type PageInput, type PageMove,
} from './commands/edit-page.js';
export { changePageStatus, publishDuePages } from './commands/page-status.js';
export { persistArticle } from './commands/persist-article.js';
export { mayEdit, mayMove, allowedMoves, mayEditImageText, mayEditProfile } from './policies.js';
export { editProfile, profileLimits, type ProfileInput } from './commands/edit-profile.js';
export { snapshotOf, changedFields } from './revisions.js';
export {
  menuNames, isMenuName, menuLimits, menuTargetKinds, targetOf, menuRefs, defaultHeader, isMenuUrl, checkMenu, resolveMenu,
  type MenuName, type MenuItem, type MenuTarget, type MenuTargetKind, type MenuRefs, type NavEntry, type Navigation, type LiveTargets,
} from './menus.js';
export { setMenu, menuState, type MenuState } from './commands/menus.js';
export { addSection, editSection, editTopic, renameTopic, mergeTopic, setTopicAliases, aliasLimits } from './commands/taxonomy.js';
export { suggestTopics, suggestLimits, type TopicSuggestion, type SuggestInput } from './suggest/suggest-topics.js';
export { setImageText } from './commands/image-text.js';
export { setFollowUp, storyByReference } from './commands/threads.js';
export { searchDocument, indexArticle, reindexAll } from './search-index.js';
