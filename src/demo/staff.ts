import sharp from 'sharp';
import { systemActor } from '../accounts/index.js';
import { editProfile, type CommandContext } from '../content/index.js';
import { storeImage, type MediaStorage } from '../media/index.js';

/** The demo newsroom's masthead: its reporters (their bylines are on the demo stories) and an editor. */
interface DemoProfile {
  name: string;
  jobTitle: string;
  bio: string;
  team: string;
  teamPosition: number;
  position: number;
  beat: string[];
  links: string[];
  email: string;
  /** Background and figure colours of the drawn portrait. */
  colours: [string, string];
}

export const demoStaff: DemoProfile[] = [
  {
    name: 'Ruth Adeyemi', jobTitle: 'Editor', team: 'Editors', teamPosition: 1, position: 1,
    bio: 'Ruth has edited Dateline since its first edition. Before that she ran the Northbay city desk for eleven years.',
    beat: [], links: ['https://example.org/ruth-adeyemi'], email: 'editor@example.org', colours: ['#e9c46a', '#264653'],
  },
  {
    name: 'Mara Quinn', jobTitle: 'Diplomatic correspondent', team: 'Reporters', teamPosition: 2, position: 1,
    bio: 'Mara covers diplomacy, water and climate talks from Geneva. She has reported from thirty countries.',
    beat: ['Diplomacy', 'Water', 'Climate'], links: ['https://example.org/mara-quinn'], email: 'mara.quinn@example.org',
    colours: ['#f6d7a7', '#2f3e46'],
  },
  {
    name: 'Tomás Reyes', jobTitle: 'City reporter', team: 'Reporters', teamPosition: 2, position: 2,
    bio: 'Tomás reports on Northbay: its council, its transport and its theatres.',
    beat: ['Northbay', 'Transport', 'Local government'], links: [], email: '', colours: ['#4cc9f0', '#3a0ca3'],
  },
  {
    name: 'Aiko Tanaka', jobTitle: 'Science reporter', team: 'Reporters', teamPosition: 2, position: 3,
    bio: 'Aiko writes about the oceans, the climate and the research behind the headlines.',
    beat: ['Oceans', 'Climate'], links: ['https://example.org/aiko-tanaka'], email: '', colours: ['#95d5b2', '#1b4332'],
  },
];

/** A drawn head and shoulders (no photo is shipped), 800 px square. */
async function drawPortrait([background, figure]: [string, string]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
<rect width="800" height="800" fill="${background}"/>
<circle cx="400" cy="320" r="150" fill="${figure}"/>
<ellipse cx="400" cy="760" rx="290" ry="250" fill="${figure}"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Gives the demo's people their profiles, portraits and places on the staff page. */
export async function seedDemoStaff(ctx: CommandContext & { media: MediaStorage }): Promise<void> {
  const actor = systemActor('demo');
  for (const p of demoStaff) {
    const stored = await storeImage(ctx.media, await drawPortrait(p.colours), { alt: `Portrait of ${p.name}`, caption: '', credit: 'Illustration: Dateline', sourceUri: null });
    const { person, photo } = await ctx.store.transaction(async (repo) =>
      ({ person: await repo.ensurePerson(p.name, ctx.now()), photo: await repo.saveImage(stored.image, ctx.now()) }));
    await editProfile(ctx, actor, person.id, {
      jobTitle: p.jobTitle, bio: p.bio, team: p.team, teamPosition: p.teamPosition, position: p.position, beat: p.beat,
      links: p.links, email: p.email, emailPublic: p.email !== '', photo: photo.id,
    });
  }
}
