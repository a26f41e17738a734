import { DatelineError } from '../../../shared/index.js';
import type { WireFormat } from '../format.js';

/** Placeholder: being written. */
export const newsml12: WireFormat = {
  name: 'newsml-1.2',
  detect: () => false,
  parse() {
    throw new DatelineError('INVALID_WIRE_ITEM', 'newsml-1.2 is not read yet');
  },
};
