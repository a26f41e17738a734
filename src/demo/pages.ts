/**
 * The demo newsroom's static pages: what a small independent paper tells readers about itself.
 * Written for the fictional Northbay paper of stories.ts; replace them with your own.
 */
export interface DemoPage {
  title: string;
  slug: string;
  paragraphs: string[];
}

export const demoPages: DemoPage[] = [
  {
    title: 'About us',
    slug: 'about',
    paragraphs: [
      'We are a small, independent newsroom in Northbay. We report on the city, the region and the world beyond it for the people who live here, and we answer to our readers rather than to an owner, a party or an advertiser.',
      'Our reporters and editors work from the harbour-front office on Quay Street. Everything we publish is written or edited by a member of our staff; stories from news agencies are labelled with the agency’s name.',
      'We are funded by our readers’ subscriptions and donations, and by advertising that never decides what we cover. No advertiser sees a story before it is published.',
      'Tell us what we should be reporting, or where we got it wrong: write to newsroom@example.org.',
    ],
  },
  {
    title: 'Corrections policy',
    slug: 'corrections-policy',
    paragraphs: [
      'We try to get every fact right the first time. When we do not, we say so, plainly and promptly.',
      'When a story contains a factual error, we correct it and add a note at the end of the story saying what was wrong and when it was fixed. We do not quietly change published facts. When a story develops after publication, we add an update note in the same way.',
      'Small changes that do not alter the meaning of a story, such as a spelling mistake or a clumsy sentence, are made without a note.',
      'We remove a story from the site only in rare cases, for example when keeping it would put someone in danger or break the law. Its address then says that the story has been removed.',
      'If you think we have made a mistake, write to corrections@example.org with the story’s address and what you believe is wrong. An editor reads every message and replies within two working days.',
    ],
  },
];
