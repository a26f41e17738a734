import { DatelineError } from '../../../shared/index.js';
import type { WireFormat } from '../format.js';

/** Placeholder: being written. */
export const rss: WireFormat = {
  name: 'rss',
  detect: () => false,
  parse() {
    throw new DatelineError('INVALID_WIRE_ITEM', 'rss is not read yet');
  },
};
