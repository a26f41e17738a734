export { DatelineError, errorCatalogue, fail, isDatelineError, type ErrorCode } from './errors.js';
export { slugify, uniqueSlug } from './slug.js';
export { calendarDate, isoString, longDate, longDateTime, toDate, type CalendarDate } from './time.js';
export { repeatEvery, type Repeating } from './repeat.js';
export { withoutForbiddenChars, xmlText } from './text.js';
export { choiceParam, pageParam, parseQuery, refuseRepeatedParams, textParam } from './query.js';
