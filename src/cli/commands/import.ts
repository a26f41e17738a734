import { plainText } from '../../content/index.js';
import { articlePath } from '../../site/index.js';
import { importWireFile } from '../../wire/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import an agency story (IPTC NINJS 1.x file)',
  usage: 'dateline import FILE --section SLUG [--publish] [--suggest-topics]',
  help: [
    'Reads one wire item and files it under a section. Pictures referenced by the item are',
    'copied into the media store with responsive variants. Importing the same item (same uri)',
    'again updates the article; an older version than the one stored is skipped.',
    '',
    'Options:',
    '  --section SLUG   section to file the story under (required), e.g. global',
    '  --publish        publish it now (dated by the item\'s firstcreated time)',
    '  --suggest-topics also file it under existing topics its text names (by name',
    '                   or alias) in the headline or three times or more',
    '',
    'On a file that is not a valid item, prints one line saying why, exits 1 and writes nothing.',
  ].join('\n'),
  options: { section: { type: 'string', short: 's' }, publish: { type: 'boolean' }, 'suggest-topics': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE to import');
    const section = values.section;
    if (typeof section !== 'string' || !section) throw new UsageError('--section SLUG is required');
    const ws = await openWorkspace(io.env);
    try {
      const outcome = await importWireFile(
        { store: ws.store.content, media: ws.media, now: () => new Date(), defaultLanguage: ws.config.siteLanguage },
        file,
        { section, publish: values.publish === true, suggestTopics: values['suggest-topics'] === true },
      );
      const article = await ws.store.content.articleById(outcome.articleId);
      const where = article && article.status === 'published' ? ` at ${ws.config.siteUrl}${articlePath(article, ws.config.timeZone)}` : '';
      const verb = outcome.action === 'skipped' ? `skipped (${outcome.reason})`
        : outcome.action === 'killed' ? `killed by the agency (pubstatus ${outcome.item.pubStatus})` : outcome.action;
      io.out(`${verb}: article ${outcome.articleId} "${printable(plainText(outcome.item.headline))}" [${outcome.status}]${where}`);
      return 0;
    } finally {
      await ws.close();
    }
  },
};

/** Wire text shown on a terminal: control characters (escape sequences) removed. */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
