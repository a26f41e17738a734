export * from './model.js';
export type * from './ports.js';
export { bodyFromHtml, bodyFromParagraphs, bodyText, paragraphs, plainText } from './body.js';
export { bodyExtensions } from './body-schema.js';
export {
  saveArticle, requireSection, type ArticleInput, type CommandContext, type SaveOutcome,
} from './commands/save-article.js';
export { createSection, reservedSlugs, type SectionInput } from './commands/create-section.js';
