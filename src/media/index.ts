export { localMediaStorage, type MediaStorage } from './storage.js';
export { storeImage, variantWidths, maxPixels, publicVariantPath, type ImageMetadata } from './process-image.js';
export { storeIcon, storeSvgLogo, iconSizes, iconPath, logoPath } from './icon.js';
