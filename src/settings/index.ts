export {
  defaultSettings, isTimeZone, settingsPatch, standardsFields, storedSettings,
  type FirstStartDefaults, type LogoChoice, type PublicationSettings, type SettingsPatch, type StandardsField, type StandardsLink,
} from './model.js';
export { fontPairingIds, fontPairings, webFontsOf, type FontPairing, type FontPairingId, type WebFont } from './fonts.js';
export { contrastRatio, minimumContrast, mix, luminance } from './contrast.js';
export { sanitizeSvg } from './svg.js';
export { changeSettings, currentSettings, draftSettings, requireAdmin } from './commands.js';
export { looksLikeSvg, setIcon, setImageLogo, setSvgLogo } from './artwork.js';
export type { SettingsContext, SettingsStore } from './ports.js';
