/**
 * Which NINJS generation a JSON value is (1.x, 2.x or 3.x), so that ninjs-1, ninjs-2 and ninjs-3
 * claim disjoint inputs. An object's own declaration (`$standard` in 1.x, `standard` in 2.x/3.x:
 * its version, else the version in its schema URL) wins; without one its shape tells:
 *
 * - 3.x renamed properties to camelCase (versionCreated, pubStatus, contentType, ...) and added
 *   events and planning (eventDetails, plannedCoverage, type "event"/"planning");
 * - 2.x replaced 1.x's single values and objects with arrays (headlines, bodies, descriptions,
 *   people, places, subjects, ..., renditions and associations as arrays) and `byline` with `by`.
 *
 * An object showing neither (a bare `{ uri, urgency }`) is left to ninjs-1.
 */

/** Properties (of the item, or of the entries of its arrays) that only NINJS 3.x spells this way. */
const only3 = new Set([
  'firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil', 'pubStatus', 'copyrightHolder', 'copyrightNotice',
  'usageTerms', 'edNote', 'infoSources', 'representationType', 'rightsInfo', 'altIds', 'trustIndicators',
  'digitalSourceType', 'eventDetails', 'plannedCoverage', 'contentType', 'charCount', 'wordCount', 'sizeInBytes',
  'geoJSON', 'contactInfo', 'linkedRights', 'encodedRights', 'langId',
]);

/** Top-level properties that NINJS 2.x introduced (1.x has headline, byline, person, place, subject, ...). */
const since2 = [
  'headlines', 'bodies', 'descriptions', 'by', 'people', 'organisations', 'places', 'subjects', 'events', 'objects',
  'infosources', 'genres', 'trustindicators', 'standard',
];
/** Top-level properties that are objects in 1.x and arrays from 2.x on. */
const arraysSince2 = ['renditions', 'associations', 'altids'];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The major version an object declares, e.g. 3 for `"standard": { "version": "3.0" }`; null when it declares none. */
export function declaredMajor(json: Record<string, unknown>): number | null {
  for (const key of ['$standard', 'standard']) {
    const standard = json[key];
    if (!isObject(standard)) continue;
    const { version, schema } = standard;
    const v = typeof version === 'string' || typeof version === 'number' ? /^\s*(\d+)/.exec(String(version)) : null;
    if (v) return Number(v[1]);
    const s = typeof schema === 'string' ? /ninjs-schema_(\d+)\./.exec(schema) : null;
    if (s) return Number(s[1]);
  }
  return null;
}

/**
 * 3 or 2 when the object's properties are those of NINJS 3.x or 2.x; null when they do not tell.
 * 3.x spellings count on the item itself and on the entries of its arrays (bodies[].contentType,
 * renditions[].sizeInBytes, associations[].versionCreated), not deeper: a 1.x item's extension
 * objects may spell things as they like.
 */
export function shapeMajor(json: Record<string, unknown>): 2 | 3 | null {
  const spelled3 = (o: Record<string, unknown>) => Object.keys(o).some((k) => only3.has(k));
  const entries = Object.values(json).flatMap((v) => (Array.isArray(v) ? v.filter(isObject) : []));
  if (json['type'] === 'event' || json['type'] === 'planning' || spelled3(json) || entries.some(spelled3)) return 3;
  if (since2.some((k) => k in json) || arraysSince2.some((k) => Array.isArray(json[k]))) return 2;
  return null;
}

/** The generation of one object (declared, else by shape), or null when nothing tells. */
export function objectMajor(json: Record<string, unknown>): number | null {
  return declaredMajor(json) ?? shapeMajor(json);
}

/**
 * The generation of a delivery: an object's own, or for a JSON array the highest among its
 * objects. Null for anything else, and for objects and arrays that do not tell.
 */
export function ninjsMajor(json: unknown): number | null {
  if (isObject(json)) return objectMajor(json);
  if (!Array.isArray(json)) return null;
  const majors = json.filter(isObject).map(objectMajor).filter((m): m is number => m !== null);
  return majors.length ? Math.max(...majors) : null;
}
