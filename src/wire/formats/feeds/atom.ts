import { DatelineError } from '../../../shared/index.js';
import type { WireFormat } from '../format.js';

/** Placeholder: being written. */
export const atom: WireFormat = {
  name: 'atom',
  detect: () => false,
  parse() {
    throw new DatelineError('INVALID_WIRE_ITEM', 'atom is not read yet');
  },
};
