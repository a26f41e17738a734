/**
 * The words generated stories are made of: real places, invented people and organisations,
 * the subjects a general newsroom covers, and the phrases agency copy is built from.
 */
import type { SectionInput } from '../../content/index.js';

export const corpusSections: SectionInput[] = [
  { name: 'Global', slug: 'global', description: 'World news and analysis.', position: 1 },
  { name: 'Asia', slug: 'asia', description: 'News from Asia and the Pacific.', parentSlug: 'global', position: 1 },
  { name: 'Europe', slug: 'europe', description: 'News from Europe.', parentSlug: 'global', position: 2 },
  { name: 'Americas', slug: 'americas', description: 'News from North and South America.', parentSlug: 'global', position: 3 },
  { name: 'Africa', slug: 'africa', description: 'News from Africa.', parentSlug: 'global', position: 4 },
  { name: 'Middle East', slug: 'middle-east', description: 'News from the Middle East.', parentSlug: 'global', position: 5 },
  { name: 'Politics', slug: 'politics', description: 'Government, elections and the people who run them.', position: 2 },
  { name: 'Business', slug: 'business', description: 'Companies, work and money.', position: 3 },
  { name: 'Markets', slug: 'markets', description: 'Shares, bonds, currencies and commodities.', parentSlug: 'business', position: 1 },
  { name: 'Science', slug: 'science', description: 'Research, climate and space.', position: 4 },
  { name: 'Technology', slug: 'technology', description: 'Computing, the internet and the companies behind them.', position: 5 },
  { name: 'Health', slug: 'health', description: 'Medicine, hospitals and public health.', position: 6 },
  { name: 'Sport', slug: 'sport', description: 'Results, transfers and the business of sport.', position: 7 },
  { name: 'Football', slug: 'football', description: 'Leagues, cups and clubs.', parentSlug: 'sport', position: 1 },
  { name: 'Culture', slug: 'culture', description: 'Books, film, music and the arts.', position: 8 },
  { name: 'Opinion', slug: 'opinion', description: 'Columns and editorials.', position: 9 },
];

const words = (s: string) => s.split('|');

/** Countries by region (the region names a Global subsection). */
export const regions: Record<string, string[]> = {
  asia: words('Afghanistan|Pakistan|India|Bangladesh|Sri Lanka|Nepal|China|Japan|South Korea|Indonesia|Malaysia|Philippines|Vietnam|Thailand|Myanmar|Cambodia|Australia|New Zealand|Mongolia|Kazakhstan|Uzbekistan'),
  europe: words('France|Germany|Italy|Spain|Portugal|Poland|Ukraine|Romania|Greece|Sweden|Norway|Finland|Denmark|Netherlands|Belgium|Austria|Switzerland|Ireland|Hungary|Czech Republic|Serbia|Croatia'),
  americas: words('United States|Canada|Mexico|Brazil|Argentina|Chile|Peru|Colombia|Venezuela|Ecuador|Bolivia|Uruguay|Paraguay|Cuba|Guatemala|Honduras|Haiti|Jamaica'),
  africa: words('Nigeria|Kenya|Ethiopia|Egypt|South Africa|Ghana|Senegal|Morocco|Algeria|Tunisia|Sudan|Uganda|Tanzania|Rwanda|Mali|Niger|Cameroon|Angola|Mozambique|Zambia|Zimbabwe'),
  'middle-east': words('Iraq|Iran|Syria|Lebanon|Jordan|Israel|Saudi Arabia|Yemen|Oman|Qatar|Kuwait|Bahrain|United Arab Emirates|Turkey'),
};

export const cities = words('Kabul|Islamabad|Karachi|Lahore|Delhi|Mumbai|Dhaka|Beijing|Shanghai|Tokyo|Osaka|Seoul|Jakarta|Manila|Hanoi|Bangkok|Sydney|Paris|Lyon|Berlin|Hamburg|Rome|Milan|Madrid|Barcelona|Lisbon|Warsaw|Kyiv|Athens|Stockholm|Oslo|Amsterdam|Brussels|Vienna|Geneva|Dublin|Budapest|Prague|Washington|New York|Chicago|Los Angeles|Toronto|Montreal|Mexico City|Sao Paulo|Rio de Janeiro|Buenos Aires|Santiago|Lima|Bogota|Caracas|Lagos|Abuja|Nairobi|Addis Ababa|Cairo|Johannesburg|Cape Town|Accra|Dakar|Casablanca|Baghdad|Tehran|Beirut|Amman|Jerusalem|Riyadh|Doha|Dubai|Istanbul|Ankara');

/** Subjects a newsroom files stories under, by the sections that cover them. */
export const subjects: Record<string, string[]> = {
  politics: words('elections|parliament|coalition talks|referendum|corruption|constitutional reform|opposition|local government|campaign finance|civil service|immigration|asylum|border security|defence spending|foreign policy|diplomacy|sanctions|human rights|press freedom|protests|caliphate|isis|terrorism|peace talks|ceasefire|refugees|intelligence|cyber attacks|arms control|nuclear talks'),
  business: words('inflation|interest rates|central banks|jobs|wages|strikes|trade unions|tariffs|trade deals|supply chains|shipping|aviation|car industry|energy prices|oil|natural gas|mining|agriculture|retail|housing market|mortgages|banking|insurance|tax|public debt|budgets|pensions|tourism|startups|mergers'),
  markets: words('stocks|bonds|currencies|gold|commodities|cryptocurrencies|earnings|initial public offerings|hedge funds|pension funds'),
  science: words('climate change|heatwaves|floods|droughts|wildfires|biodiversity|oceans|glaciers|space exploration|satellites|astronomy|genetics|archaeology|physics|renewable energy|solar power|wind power|nuclear power|electric vehicles|air pollution'),
  technology: words('artificial intelligence|semiconductors|social media|data protection|online safety|smartphones|cloud computing|cybersecurity|telecoms|broadband|robotics|quantum computing|software|video games|antitrust'),
  health: words('hospitals|vaccines|public health|cancer research|mental health|obesity|malaria|tuberculosis|measles|pandemics|drug prices|nursing|ageing|dementia|clinical trials'),
  sport: words('athletics|tennis|cricket|rugby|cycling|swimming|boxing|motor racing|golf|the Olympics|doping|transfers|World Cup|Champions League|league title'),
  culture: words('books|film|music|theatre|television|museums|heritage|festivals|architecture|fashion|photography|opera|dance|poetry|awards'),
};

export const givenNames = words('Amina|Ahmed|Farah|Omar|Layla|Yusuf|Sara|Hamid|Nadia|Karim|Mei|Wei|Hiro|Yuki|Min-jun|Ji-woo|Arjun|Priya|Ravi|Anita|Rahul|Sunita|Tomas|Elena|Marco|Giulia|Luca|Sofia|Pierre|Claire|Hugo|Camille|Jonas|Lena|Felix|Anna|Piotr|Kasia|Olek|Iryna|Dmytro|Maria|Jose|Lucia|Diego|Ana|Carlos|Isabel|Joao|Beatriz|Kwame|Ama|Chidi|Ngozi|Tunde|Fatou|Moussa|Aisha|Thabo|Lerato|James|Emily|Daniel|Grace|Samuel|Hannah|Noah|Olivia|Liam|Chloe|Ethan|Ruth|Erik|Ingrid|Lars|Astrid|Mikko|Aino|Sean|Niamh');
export const familyNames = words('Khan|Hussain|Rahimi|Karimi|Haddad|Nasser|Mansour|Saleh|Chen|Wang|Li|Zhang|Tanaka|Sato|Kim|Park|Sharma|Patel|Singh|Gupta|Rossi|Bianchi|Ricci|Moreau|Laurent|Bernard|Dubois|Muller|Schmidt|Weber|Fischer|Kowalski|Nowak|Shevchenko|Kovalenko|Garcia|Martinez|Lopez|Fernandez|Silva|Santos|Oliveira|Costa|Mensah|Owusu|Okafor|Adeyemi|Diallo|Traore|Ndlovu|Dlamini|Smith|Brown|Taylor|Wilson|Evans|Walker|Hughes|Carter|Andersson|Johansson|Nielsen|Virtanen|Murphy|Kelly|Byrne|Novak|Horvat|Popescu|Ionescu|Papadopoulos');

export const agencies = words('AFP|Reuters|AP|dpa|EFE|ANSA|Kyodo|PA Media');

export const organisations = words('the United Nations|the World Bank|the International Monetary Fund|the European Commission|the African Union|the World Health Organization|the Red Cross|Amnesty International|the interior ministry|the finance ministry|the foreign ministry|the central bank|the electoral commission|the national statistics office|the supreme court|the army|the police|the coast guard|the port authority|the opposition party|the ruling party|the teachers\' union|the farmers\' federation|the chamber of commerce|the national academy of sciences|the space agency|the health ministry|the energy regulator|the competition authority|the national football federation');

export const roles = words('a spokesman for|a spokeswoman for|the head of|a senior official at|a researcher at|an analyst at|the director of|a lawyer for|a former adviser to|a member of|a negotiator for|the chief economist at');

export const verbsNow = words('warns over|braces for|approves|rejects|unveils|probes|delays|backs|defends|condemns|welcomes|weighs|confirms|denies|cuts|raises|extends|suspends|challenges|pledges action on');
export const nounPhrases = words('new rules|budget plan|emergency measures|deal|talks|investigation|ban|reforms|rescue package|strike|inquiry|crackdown|aid|tariffs|subsidies|vote|court ruling|report|targets|plan');
export const connectors = words('after|as|amid|despite|ahead of|following');
export const events = words('deadly attack|record heat|weeks of protests|surprise resignation|border clashes|election defeat|market slide|port strike|data breach|flooding|cabinet reshuffle|landslide win|court ruling|leaked memo|drone strike|factory fire|talks collapse|corruption charges|power cuts|fuel shortages');

export const weekdays = words('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');
export const months = words('January|February|March|April|May|June|July|August|September|October|November|December');
export const pastVerbs = words('risen|fallen|doubled|halved|grown|shrunk|climbed|slipped|recovered|stalled');
export const futureVerbs = words('cut|raise|review|expand|end|delay|scrap|double|fund|restore');
export const adjectives = words('fragile|historic|controversial|long-awaited|costly|unexpected|sweeping|modest|temporary|unprecedented|bitter|cautious');
export const quotes = words('We will not accept a deal that leaves our people worse off|This is a day many of us thought we would never see|Nobody got everything they asked for, which is usually the sign of a fair agreement|The numbers speak for themselves|We need answers, and we need them now|It is too early to say what this means for families|The situation on the ground remains extremely difficult|We have been warning about this for years|There is still a long way to go|This changes nothing about our position|Our priority is the safety of everyone involved|We are ready to talk, but not under threat|The next few weeks will be decisive|People are tired and they are angry|We welcome the decision, but it comes too late');
