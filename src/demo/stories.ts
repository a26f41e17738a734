import type { SectionInput } from '../content/index.js';
import type { Palette } from './illustrations.js';

/**
 * The demo newsroom: a fictional paper in the fictional port city of Northbay. Every word is
 * written for Dateline's demo; any likeness to real events is unintended.
 */
export const demoSections: SectionInput[] = [
  { name: 'Global', slug: 'global', description: 'World news and analysis.', position: 1 },
  { name: 'Politics', slug: 'politics', description: 'Government, elections and the people who run them.', position: 2 },
  { name: 'Business', slug: 'business', description: 'Companies, work and money.', position: 3 },
  { name: 'Markets', slug: 'markets', description: 'Shares, bonds, currencies and commodities.', parentSlug: 'business', position: 1 },
  { name: 'Science', slug: 'science', description: 'Research, climate, health and technology.', position: 4 },
  { name: 'Culture', slug: 'culture', description: 'Books, film, music and the arts.', position: 5 },
];

export interface DemoStory {
  section: string;
  headline: string;
  standfirst: string;
  paragraphs: string[];
  topics: string[];
  people: string[];
  agency: string | null;
  dateline: string;
  /** Hours before the demo is created. */
  hoursAgo: number;
  picture: { caption: string; alt: string; credit: string; palette: Palette } | null;
}

export const demoStories: DemoStory[] = [
  {
    section: 'global',
    headline: 'Delegates reach ‘fragile’ deal on shared river after all-night talks',
    standfirst: 'Five upstream and downstream states agree to release water in dry months and to share flow data for the first time.',
    paragraphs: [
      'Negotiators from five countries that share the Anver river agreed early on Thursday to a water-sharing accord that diplomats described as “fragile but real”, ending three years of stalled talks.',
      'Under the deal, upstream dams will release a guaranteed minimum flow during the summer months, and every state will publish daily gauge readings on a common website.',
      '“Nobody got everything they asked for, which is usually the sign of a fair agreement,” said the talks’ chair, speaking to reporters as delegates left the conference hall shortly after dawn.',
      'Farmers’ groups downstream welcomed the guarantee but warned that the minimum flow was set below what irrigation districts had requested.',
      'The accord must still be ratified by each national parliament, a process the chair said could take until the end of next year.',
    ],
    topics: ['Water', 'Diplomacy', 'Climate'],
    people: ['Mara Quinn'],
    agency: null,
    dateline: 'Geneva',
    hoursAgo: 2,
    picture: {
      caption: 'The Anver river at low water near the border crossing, where the new accord guarantees a minimum summer flow',
      alt: 'A wide, shallow river under a pale sky with a low skyline behind it',
      credit: 'Illustration: Dateline',
      palette: { sky: ['#f6d7a7', '#e98a5b'], ground: '#2f3e46', accent: '#ffb703' },
    },
  },
  {
    section: 'politics',
    headline: 'Northbay council votes to bring back night trams after 40 years',
    standfirst: 'A two-year trial will run trams every 20 minutes until 2am on the city’s three busiest lines.',
    paragraphs: [
      'Northbay’s city council voted 31 to 12 on Tuesday evening to restore a night tram service for the first time since 1986.',
      'The trial, which starts in the spring, will cost the city an estimated 4.2 million a year, about a third of which is expected to be covered by fares.',
      '“Nurses, cooks, cleaners and students have been walking home in the dark for a generation,” said councillor Idris Bell, who proposed the motion.',
      'Opponents argued that the money would be better spent on repairing the existing daytime network, where one in six trams ran late last year.',
      'The transport authority said it would publish monthly ridership figures so that the council could judge the trial on evidence.',
    ],
    topics: ['Transport', 'Northbay', 'Local government'],
    people: ['Tomás Reyes'],
    agency: null,
    dateline: 'Northbay',
    hoursAgo: 5,
    picture: {
      caption: 'A tram crosses the harbour bridge at dusk; night services on three lines start in the spring',
      alt: 'City towers against a purple evening sky above a bridge',
      credit: 'Illustration: Dateline',
      palette: { sky: ['#3a0ca3', '#f72585'], ground: '#10002b', accent: '#4cc9f0' },
    },
  },
  {
    section: 'markets',
    headline: 'Shipping shares rise as freight rates climb for a third week',
    standfirst: 'Container rates on the main east–west routes are up 18 per cent this month.',
    paragraphs: [
      'Shares in the region’s largest shipping groups rose sharply on Wednesday after an industry index showed container freight rates climbing for a third consecutive week.',
      'The benchmark rate for a forty-foot container on the main east–west route has risen 18 per cent this month, driven by port congestion and an early start to the holiday shipping season.',
      '“The market had priced in a slow winter, and it is not getting one,” said one analyst at a Northbay brokerage.',
      'Importers warned that higher freight costs would reach shop prices within two to three months if rates stay at current levels.',
    ],
    topics: ['Shipping', 'Trade'],
    // Two bylines and the agency beside them: "By Tomás Reyes and Mara Quinn, Dateline Wire".
    people: ['Tomás Reyes', 'Mara Quinn'],
    agency: 'Dateline Wire',
    dateline: 'Northbay',
    hoursAgo: 9,
    picture: {
      caption: 'Cranes and stacked containers at Northbay’s eastern terminal',
      alt: 'Tall blocks in blue and grey on a harbour front under a bright sky',
      credit: 'Illustration: Dateline',
      palette: { sky: ['#caf0f8', '#48cae4'], ground: '#023e8a', accent: '#f77f00' },
    },
  },
  {
    section: 'science',
    headline: 'Seagrass meadows are recovering faster than expected, survey finds',
    standfirst: 'Divers mapped 40 per cent more seagrass in the bay than five years ago, a sign that cleaner water is paying off.',
    paragraphs: [
      'Seagrass meadows in Northbay’s outer harbour have expanded by about 40 per cent in five years, according to a survey published on Monday by the city’s marine institute.',
      'Researchers credited tighter limits on sewage overflows and a ban on anchoring in the shallowest areas, both introduced in 2019.',
      '“Seagrass is a slow plant. To see this kind of recovery in five years tells us the water is genuinely clearer,” said marine ecologist Aiko Tanaka, who led the survey.',
      'The meadows shelter young fish and store carbon in their sediments, which makes them a focus of coastal restoration projects worldwide.',
      'The institute plans to repeat the survey every two years and to publish its maps as open data.',
    ],
    topics: ['Climate', 'Oceans', 'Northbay'],
    people: ['Aiko Tanaka'],
    agency: null,
    dateline: 'Northbay',
    hoursAgo: 26,
    picture: {
      caption: 'Shallow water over restored seagrass beds in the outer harbour',
      alt: 'Green and turquoise shapes under a soft morning light',
      credit: 'Illustration: Dateline',
      palette: { sky: ['#d8f3dc', '#95d5b2'], ground: '#1b4332', accent: '#52b788' },
    },
  },
  {
    section: 'culture',
    headline: 'A lost opera by a forgotten composer returns to the stage',
    standfirst: 'The score was found in a box of sheet music donated to a church jumble sale.',
    paragraphs: [
      'An opera that has not been performed since 1893 will open Northbay’s winter season after its score was found in a box of sheet music given to a church jumble sale.',
      'The work, a three-act comedy about a lighthouse keeper and a travelling circus, was written by a local organist whose name had all but disappeared from the city’s records.',
      '“It is funny, it is tender, and the second act has one of the best ensembles I have heard from the period,” said the conductor, who spent a year preparing a performing edition.',
      'Tickets for the four performances sold out within a day, and the company said it was discussing a recording.',
    ],
    topics: ['Opera', 'Northbay'],
    people: ['Tomás Reyes'],
    agency: null,
    dateline: 'Northbay',
    hoursAgo: 50,
    picture: {
      caption: 'The old opera house on Quay Street, where the rediscovered work opens the winter season',
      alt: 'Warm red and gold shapes of a theatre at night',
      credit: 'Illustration: Dateline',
      palette: { sky: ['#590d22', '#a4133c'], ground: '#250902', accent: '#ffd166' },
    },
  },
  {
    section: 'global',
    headline: 'Heatwave pushes power demand to record across southern grid',
    standfirst: 'Operators asked large users to cut consumption for three hours on Friday afternoon.',
    paragraphs: [
      'Electricity demand on the southern grid reached a record on Friday as temperatures above 40C settled over the region for a sixth day.',
      'Grid operators asked factories and data centres to reduce their consumption between 2pm and 5pm, and said that rooftop solar had prevented rolling blackouts.',
      '“Ten years ago, a day like this would have meant cuts,” said a spokesperson for the operator.',
      'Forecasters expect the heat to ease early next week.',
    ],
    topics: ['Climate', 'Energy'],
    people: [],
    agency: 'Dateline Wire',
    dateline: '',
    hoursAgo: 75,
    picture: null,
  },
];
