export { localMediaStorage, type MediaStorage } from './storage.js';
export { storeImage, variantWidths, type ImageMetadata } from './process-image.js';
