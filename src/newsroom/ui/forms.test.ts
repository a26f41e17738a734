import { describe, expect, it } from 'vitest';
import { localInputValue, zonedTime } from './forms.js';

describe('zonedTime reads a wall-clock time in the newsroom’s zone', () => {
  it('in UTC and with an explicit offset', () => {
    expect(zonedTime('2026-11-27T14:30', 'UTC').toISOString()).toBe('2026-11-27T14:30:00.000Z');
    expect(zonedTime('2026-11-27T14:30:05', 'UTC').toISOString()).toBe('2026-11-27T14:30:05.000Z');
    expect(zonedTime('2026-11-27T14:30:00+02:00', 'UTC').toISOString()).toBe('2026-11-27T12:30:00.000Z');
  });

  it('on both sides of daylight-saving changes', () => {
    expect(zonedTime('2026-03-08T05:00', 'America/New_York').toISOString()).toBe('2026-03-08T09:00:00.000Z');
    expect(zonedTime('2026-03-08T01:30', 'America/New_York').toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(zonedTime('2026-03-29T03:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTime('2026-03-29T01:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedTime('2026-11-01T03:00', 'America/New_York').toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(zonedTime('2026-07-01T12:00', 'Asia/Kolkata').toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });

  it('round-trips with localInputValue', () => {
    const at = new Date('2026-10-24T23:15:00Z');
    expect(zonedTime(localInputValue(at, 'Europe/London'), 'Europe/London').toISOString()).toBe(at.toISOString());
  });

  it('refuses what is not a date and time', () => {
    expect(() => zonedTime('tomorrow', 'UTC')).toThrow(/date and time/);
  });
});
