export type { FieldError, ValidationResult } from './validation-result.js';
export { isValidTimeZone } from './timezones.js';
export { ISO_639_1_CODES, isLanguageCode } from './languages.js';
export { ISO_3166_1_ALPHA2_CODES, isCountryCode } from './countries.js';
export {
  DAYS,
  MAX_AVAILABILITY_WINDOWS,
  minutesToTime,
  normalizeAvailability,
  timeToMinutes,
  validateAvailability,
  type AvailabilityWindow,
  type Day,
} from './availability.js';
export { MAX_CITY_LENGTH, validateLocation, type Location } from './location.js';
