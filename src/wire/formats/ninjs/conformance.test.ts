import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireFixtures } from '../../../../test/support/paths.js';
import type { WireParse } from '../format.js';
import { parseWireFile } from '../index.js';

/**
 * IPTC's NINJS schema test suites (1.0 to 3.1, and the 1.x/2.x dev suites), read through the
 * dispatcher as a wire delivery would be. These are schema tests, tiny fragments about one
 * property each; Dateline is an ingester, not a validator, so the decisions are:
 *
 * - should_pass: read into items (or, for events and planning, skipped), except the few listed
 *   in `refusedShouldPass`, which lack something Dateline needs.
 * - should_fail: refused when not JSON, or when a property Dateline reads has the wrong type or
 *   value (`refusedShouldFail`, with the property the refusal must name); read leniently when the
 *   fault is in something Dateline does not read (`acceptedShouldFail`, grouped by why).
 */
const root = path.join(wireFixtures, 'ninjs', 'conformance');

const suiteFiles = (kind: 'should_pass' | 'should_fail') => fs.readdirSync(root).sort().flatMap((suite) => {
  const dir = path.join(root, suite, kind);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => `${suite}/${kind}/${f}`) : [];
});

type Outcome = { parsed: WireParse; refused?: never } | { refused: string; parsed?: never };

function outcome(rel: string): Outcome {
  const file = path.join(root, rel);
  try {
    return { parsed: parseWireFile(fs.readFileSync(file), { baseDir: path.dirname(file), fileName: path.basename(file) }) };
  } catch (e) {
    if ((e as { code?: string }).code !== 'INVALID_WIRE_ITEM') throw e;
    return { refused: (e as Error).message };
  }
}

const isJson = (rel: string) => {
  try {
    JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
    return true;
  } catch {
    return false;
  }
};

const dateWithZone = /must be a date-time with a zone/;

/**
 * Schema-valid fragments Dateline refuses. The 1.x schemas do not check that dates are dates;
 * Dateline needs an instant to order versions and to hold an embargo, and a time without a zone
 * ("2019-10-08T12:00:00") could lift an embargo hours early, so these are refused naming the field.
 */
const refusedShouldPass: Record<string, RegExp> = {
  '1.0/should_pass/016_versioncreated_bad_datetime.json': /^not a valid NINJS item: versioncreated: /,
  '1.0/should_pass/017_versioncreated_date_only.json': /^not a valid NINJS item: versioncreated: /,
  '1.0/should_pass/019_embargoed_bad_datetime.json': /^not a valid NINJS item: embargoed: /,
  '1.0/should_pass/020_embargoed_date_only.json': /^not a valid NINJS item: embargoed: /,
  '1.2/should_pass/004_first_created.json': /^not a valid NINJS item: firstcreated: /,
  '1.2/should_pass/005_firstcreated_bad_datetime.json': /^not a valid NINJS item: firstcreated: /,
};

/** Schema-invalid JSON refused because a property Dateline reads is wrong: the refusal names it. */
const refusedShouldFail: Record<string, RegExp> = {
  '1.0/should_fail/001_no_uri_declared.json': /: uri: /,
  '1.0/should_fail/002_type_invalid.json': /: type: /,
  '1.0/should_fail/007_pubstatus_cancelled.json': /: pubstatus: /,
  '1.0/should_fail/008_usageterms_object.json': /: usageterms: /,
  '1.0/should_fail/015_pubstatus_commissioned.json': /: pubstatus: /,
  '1.2/should_fail/002_firstcreated_bad_type.json': /: firstcreated: /,
  '1.2/should_fail/005_pubstatus_replaced.json': /: pubstatus: /,
  '1.2/should_fail/006_pubstatus_commissioned.json': /: pubstatus: /,
  '3.0/should_fail/006_bad_urgency.json': /: urgency: /,
};

/** Schema-invalid JSON Dateline reads anyway, and why. */
const acceptedShouldFail: Record<string, string[]> = {
  'unknown properties pass through: agencies extend NINJS, and what Dateline does not read it ignores': [
    '1.0/should_fail/003_malformed_property.json',
    '1.0/should_fail/017_description_extension.json',
    '1.5/should_fail/001_bad_property.json',
    '1.5/should_fail/002_bad_association.json',
    '1.x_dev/should_fail/001_advice_string.json',
    '1.x_dev/should_fail/004_linked_rights.json',
    '1.x_dev/should_fail/005_encoded_rights.json',
    '1.x_dev/should_fail/006_combined_rights.json',
    '2.0/should_fail/001_bad_toplevel.json',
    '2.0/should_fail/002_bad_association.json',
    '2.1/should_fail/001_bad_association.json',
    '2.x_dev/should_fail/001_advice_string.json',
    '2.x_dev/should_fail/002_advice_wrongtypes.json',
    '2.x_dev/should_fail/003_advice_wrongelements.json',
    '2.x_dev/should_fail/004_linked_rights.json',
    '2.x_dev/should_fail/005_encoded_rights.json',
    '3.0/should_fail/001_bad_toplevel.json',
    '3.0/should_fail/002_bad_association.json',
  ],
  'properties Dateline does not read are not type-checked (profile, title, ednote, altids, genre, geojson, contentcreated, expires, rightsinfo in 1.x, digital source type, advices)': [
    '1.0/should_fail/004_representationtype_invalid.json',
    '1.0/should_fail/005_profile_must_be_string.json',
    '1.0/should_fail/013_person_not_string.json',
    '1.2/should_fail/001_title_as_number.json',
    '1.2/should_fail/003_ednote_bad_type.json',
    '1.2/should_fail/004_infosource_bad_type.json',
    '1.3/should_fail/001_schema_bad.json',
    '1.3/should_fail/005_bad_altids.json',
    '1.3/should_fail/007_invalid_genre.json',
    '1.4/should_fail/001_bad_contentcreated.json',
    '1.4/should_fail/002_bad_contentcreated.json',
    '1.4/should_fail/003_bad_expires.json',
    '1.4/should_fail/004_bad_expires.json',
    '1.4/should_fail/005_bad_rightsinfo.json',
    '1.4/should_fail/006_bad_rightsinfo.json',
    '1.6/should_fail/001_bad_digital_source.json',
    '1.x_dev/should_fail/002_advice_wrongtypes.json',
    '1.x_dev/should_fail/003_advice_wrongelements.json',
    '2.0/should_fail/001_bad_geojson.json',
    '2.2/should_fail/001_bad_digital_source.json',
    '2.x_dev/should_fail/006_combined_rights.json',
    '3.0/should_fail/001_bad_geojson.json',
    '3.1/should_fail/001_bad_digital_source.json',
  ],
  'headline_* extension names outside the 1.3+ pattern: the text is still a headline': [
    '1.3/should_fail/002_headline_nonascii.json',
    '1.3/should_fail/003_headline_blank_extension.json',
    '1.3/should_fail/004_headline_dash.json',
  ],
  'values from a later NINJS version (type component, infosource) are read whatever version a file is: one vocabulary for all 1.x': [
    '1.0/should_fail/014_type_component.json',
    '1.0/should_fail/016_infosource.json',
    '1.1/should_fail/001_type_component.json',
    '1.1/should_fail/002_infosource.json',
  ],
  'a numeric version (1.2) is read as its text, "1.2"': [
    '1.0/should_fail/006_version_must_be_string.json',
  ],
  'associations without the name or uri the 2.1+ schema requires: a picture is still a picture (its role falls back to its rel or position)': [
    '2.1/should_fail/002_good_association_but_no_name.json',
    '2.1/should_fail/003_good_association_but_no_uri.json',
  ],
  'rightsinfo with both linked and encoded rights: the link is used as the usage terms': [
    '2.1/should_fail/004_bad_rights.json',
  ],
  'events and planning are recognised and skipped, not read, so their dates and coverage are not validated': [
    '3.0/should_fail/003_event_with_conflicting_start.json',
    '3.0/should_fail/004_event_with_renditions.json',
    '3.0/should_fail/004_invalid_truncated_date.json',
    '3.0/should_fail/005_planned_coverage_bad_urgency.json',
  ],
};

const declaredMajor = (rel: string): number | null => {
  const json = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, { version?: unknown } | undefined>;
  const version = (json['$standard'] ?? json['standard'])?.version;
  return typeof version === 'string' && /^\d/.test(version) ? Number(version[0]) : null;
};

const isEventOrPlanning = (rel: string) => {
  const json = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, unknown>;
  return json['type'] === 'event' || json['type'] === 'planning' || 'eventDetails' in json || 'plannedCoverage' in json;
};

describe('IPTC NINJS conformance suites', () => {
  const pass = suiteFiles('should_pass');
  const fail = suiteFiles('should_fail');

  it('covers every suite, 1.0 to 3.1 and both dev suites', () => {
    expect(fs.readdirSync(root).sort()).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.x_dev', '2.0', '2.1', '2.2', '2.x_dev', '3.0', '3.1', 'guide-not-valid']);
    expect(pass).toHaveLength(158);
    expect(fail).toHaveLength(70);
  });

  it('reads every should_pass file into items or skips it as an event or planning, except the few with unplaceable dates', () => {
    for (const rel of pass) {
      const result = outcome(rel);
      if (rel in refusedShouldPass) {
        expect(result.refused, rel).toMatch(refusedShouldPass[rel]!);
        expect(result.refused, rel).toMatch(dateWithZone);
        continue;
      }
      expect(result.refused, rel).toBeUndefined();
      const parsed = result.parsed!;
      expect(parsed.failed, rel).toEqual([]);
      if (isEventOrPlanning(rel)) {
        expect(parsed.items, rel).toEqual([]);
        expect(parsed.skipped, rel).toEqual([{ uri: expect.any(String), reason: expect.stringMatching(/^an? (event|planning item), not a news item$/) }]);
      } else {
        expect(parsed.skipped, rel).toEqual([]);
        expect(parsed.items, rel).toHaveLength(1);
        expect(parsed.items[0]!.uri, rel).toBeTruthy();
      }
    }
  });

  it('reads each should_pass file with the reader of the version it declares', () => {
    let declared = 0;
    for (const rel of pass) {
      const major = declaredMajor(rel);
      if (major === null || rel in refusedShouldPass) continue;
      declared++;
      expect(outcome(rel).parsed!.format, rel).toBe(`ninjs-${major}`);
    }
    expect(declared).toBeGreaterThanOrEqual(40);
  });

  it('refuses every should_fail file that is not valid JSON', () => {
    const broken = fail.filter((rel) => !isJson(rel));
    expect(broken).toEqual([
      '1.0/should_fail/009_body_text_with_cr.json',
      '1.0/should_fail/010_body_must_be_string.json',
      '1.0/should_fail/011_description_must_be_string.json',
      '1.0/should_fail/012_location_not_object.json',
      '1.3/should_fail/006_bad_genre.json',
    ]);
    for (const rel of broken) expect(outcome(rel).refused, rel).toMatch(/^the file is not valid JSON \(/);
  });

  it('refuses should_fail files whose fault is in a property Dateline reads, naming that property', () => {
    for (const [rel, property] of Object.entries(refusedShouldFail)) {
      const result = outcome(rel);
      expect(result.refused, rel).toMatch(/^not a valid NINJS (\d\.x )?item: /);
      expect(result.refused, rel).toMatch(property);
    }
  });

  it('reads the listed should_fail files leniently, each for a stated reason', () => {
    for (const [why, files] of Object.entries(acceptedShouldFail)) {
      for (const rel of files) {
        const result = outcome(rel);
        expect(result.refused, `${rel} (${why})`).toBeUndefined();
        expect(result.parsed!.failed, rel).toEqual([]);
        expect(result.parsed!.items.length + result.parsed!.skipped.length, rel).toBe(1);
      }
    }
  });

  it('has decided every should_fail file exactly once, and every listed file exists', () => {
    const decided = [
      ...fail.filter((rel) => !isJson(rel)),
      ...Object.keys(refusedShouldFail),
      ...Object.values(acceptedShouldFail).flat(),
    ];
    expect([...decided].sort()).toEqual(fail);
    for (const rel of Object.keys(refusedShouldPass)) expect(pass, rel).toContain(rel);
  });

  it('reads the two loose examples: the 1.5 association without a name, and a guide item with an extension property', () => {
    const association = outcome('1.5/002_association.json').parsed!;
    expect(association.items[0]).toMatchObject({ format: 'ninjs-1', uri: 'urn:should_fail_002_good_association_but_no_name', headline: expect.stringMatching(/^Dell Redefines/) });
    const extension = outcome('guide-not-valid/008_extension.json').parsed!.items[0]!;
    expect(extension.embargoedUntil?.toISOString()).toBe('2013-07-09T14:00:00.000Z');
  });
});
