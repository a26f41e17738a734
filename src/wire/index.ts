export { importWireFile, ingestWireItem, type ImportOptions, type ImportOutcome, type WireContext } from './import-file.js';
export { parseWireItem, wireFormats, type WireFormat, type WireSource } from './formats/index.js';
export type { WireItem, WirePicture } from './wire-item.js';
