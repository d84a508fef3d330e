export { createNormalizer, type Normalized, type Normalizer, type NormalizerDeps, type Settle } from './normalizer.js';
export { geocoderPlugins } from './geocoders/index.js';
export {
  GazetteerGeocoder,
  Gazetteer,
  checkGazetteers,
  geocodeWithGazetteer,
  loadGazetteer,
  readOpenAddresses,
  type AddressRow,
  type ReadReport,
} from './geocoders/gazetteer/index.js';
export { createHttpGeocoder, queryText, type HttpProvider } from './geocoders/http.js';
export { parseNominatim } from './geocoders/nominatim/index.js';
export { parsePelias } from './geocoders/pelias/index.js';
export { parseArcgis } from './geocoders/arcgis/index.js';
export { GeocoderChain } from './chain.js';
export {
  buildVocabulary,
  extractAddresses,
  findPoints,
  pointFromMapLink,
  type Extracted,
  type Landmark,
  type Vocabulary,
} from './extract/index.js';
export { parseSpelledNumber } from './extract/numbers.js';
export { buildClassifier, classify, type Classification, type Classifier } from './classify.js';
export { normalizePhone, normalizeEmail } from './contact.js';
export { cleanText, composeDescription } from './text.js';
export { parseStreetName, type StreetName } from './streets.js';
export { isTypoOf } from './fuzzy.js';
export { contentStems, similarity, detectLanguage } from './language.js';
export { Deduper, type DedupeInput, type DedupeVerdict } from './dedupe.js';
export { jurisdictionCheck, type JurisdictionCheck } from './jurisdiction.js';
export { IdentityIndex } from './identity.js';
export { followUpOf, type FollowUp } from './followup.js';
export { locate, type Located, type Locator } from './location.js';
export { learnedModelFile, readLearnedModel, type LearnedModel } from './learn.js';
export { learnTown, type LearnReport } from './learn-town.js';
