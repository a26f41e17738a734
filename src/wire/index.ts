export { fileWireItem, readLocalFile, maxWireFileBytes, maxPictureBytes, type FilingOptions, type FilingOutcome, type WireContext } from './file-story.js';
export { ingestDelivery, type Delivery, type DeliveryResult, type IngestContext, type IngestRules, type ItemResult, type StoryAction } from './ingest.js';
export { parseWireFile, wireFormats, type WireFormat, type WireParse, type WireSource } from './formats/index.js';
export type * from './ports.js';
export type { WireItem, WirePicture, WireRendition, WireSubject } from './wire-item.js';
export { importPaths, emptyTally, addToTally, type ImportTally, type ImportRun } from './import-paths.js';
