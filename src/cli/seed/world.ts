/** Where seeded people live and meet: real cities with coordinates, zones, countries and languages. */
export interface City {
  city: string;
  country: string;
  lat: number;
  lng: number;
  tz: string;
  languages: string[];
  weight: number;
}

export const CITIES: City[] = [
  { city: 'Berlin', country: 'DE', lat: 52.52, lng: 13.405, tz: 'Europe/Berlin', languages: ['de', 'en'], weight: 6 },
  { city: 'Munich', country: 'DE', lat: 48.137, lng: 11.575, tz: 'Europe/Berlin', languages: ['de', 'en'], weight: 3 },
  { city: 'London', country: 'GB', lat: 51.507, lng: -0.128, tz: 'Europe/London', languages: ['en'], weight: 8 },
  { city: 'Manchester', country: 'GB', lat: 53.48, lng: -2.242, tz: 'Europe/London', languages: ['en'], weight: 2 },
  { city: 'Dublin', country: 'IE', lat: 53.35, lng: -6.26, tz: 'Europe/Dublin', languages: ['en', 'ga'], weight: 2 },
  { city: 'Paris', country: 'FR', lat: 48.857, lng: 2.352, tz: 'Europe/Paris', languages: ['fr', 'en'], weight: 6 },
  { city: 'Madrid', country: 'ES', lat: 40.417, lng: -3.704, tz: 'Europe/Madrid', languages: ['es', 'en'], weight: 4 },
  { city: 'Barcelona', country: 'ES', lat: 41.385, lng: 2.173, tz: 'Europe/Madrid', languages: ['es', 'ca', 'en'], weight: 3 },
  { city: 'Lisbon', country: 'PT', lat: 38.722, lng: -9.139, tz: 'Europe/Lisbon', languages: ['pt', 'en'], weight: 3 },
  { city: 'Amsterdam', country: 'NL', lat: 52.368, lng: 4.904, tz: 'Europe/Amsterdam', languages: ['nl', 'en'], weight: 4 },
  { city: 'Warsaw', country: 'PL', lat: 52.23, lng: 21.012, tz: 'Europe/Warsaw', languages: ['pl', 'en'], weight: 3 },
  { city: 'Kyiv', country: 'UA', lat: 50.45, lng: 30.523, tz: 'Europe/Kiev', languages: ['uk', 'en'], weight: 3 },
  { city: 'Stockholm', country: 'SE', lat: 59.329, lng: 18.069, tz: 'Europe/Stockholm', languages: ['sv', 'en'], weight: 2 },
  { city: 'Milan', country: 'IT', lat: 45.464, lng: 9.19, tz: 'Europe/Rome', languages: ['it', 'en'], weight: 3 },
  { city: 'Istanbul', country: 'TR', lat: 41.008, lng: 28.978, tz: 'Europe/Istanbul', languages: ['tr', 'en'], weight: 3 },
  { city: 'Cairo', country: 'EG', lat: 30.044, lng: 31.236, tz: 'Africa/Cairo', languages: ['ar', 'en'], weight: 2 },
  { city: 'Lagos', country: 'NG', lat: 6.524, lng: 3.379, tz: 'Africa/Lagos', languages: ['en', 'yo'], weight: 4 },
  { city: 'Nairobi', country: 'KE', lat: -1.292, lng: 36.822, tz: 'Africa/Nairobi', languages: ['en', 'sw'], weight: 3 },
  { city: 'Cape Town', country: 'ZA', lat: -33.925, lng: 18.424, tz: 'Africa/Johannesburg', languages: ['en', 'af'], weight: 2 },
  { city: 'Dubai', country: 'AE', lat: 25.205, lng: 55.271, tz: 'Asia/Dubai', languages: ['ar', 'en'], weight: 2 },
  { city: 'Bengaluru', country: 'IN', lat: 12.972, lng: 77.595, tz: 'Asia/Kolkata', languages: ['en', 'hi', 'kn'], weight: 9 },
  { city: 'Mumbai', country: 'IN', lat: 19.076, lng: 72.878, tz: 'Asia/Kolkata', languages: ['en', 'hi', 'mr'], weight: 5 },
  { city: 'Singapore', country: 'SG', lat: 1.352, lng: 103.82, tz: 'Asia/Singapore', languages: ['en', 'zh', 'ms'], weight: 3 },
  { city: 'Jakarta', country: 'ID', lat: -6.208, lng: 106.846, tz: 'Asia/Jakarta', languages: ['id', 'en'], weight: 3 },
  { city: 'Manila', country: 'PH', lat: 14.6, lng: 120.984, tz: 'Asia/Manila', languages: ['en', 'tl'], weight: 3 },
  { city: 'Shanghai', country: 'CN', lat: 31.23, lng: 121.474, tz: 'Asia/Shanghai', languages: ['zh', 'en'], weight: 4 },
  { city: 'Seoul', country: 'KR', lat: 37.567, lng: 126.978, tz: 'Asia/Seoul', languages: ['ko', 'en'], weight: 3 },
  { city: 'Tokyo', country: 'JP', lat: 35.676, lng: 139.65, tz: 'Asia/Tokyo', languages: ['ja', 'en'], weight: 4 },
  { city: 'Sydney', country: 'AU', lat: -33.869, lng: 151.209, tz: 'Australia/Sydney', languages: ['en'], weight: 3 },
  { city: 'Auckland', country: 'NZ', lat: -36.848, lng: 174.763, tz: 'Pacific/Auckland', languages: ['en', 'mi'], weight: 1 },
  { city: 'San Francisco', country: 'US', lat: 37.775, lng: -122.419, tz: 'America/Los_Angeles', languages: ['en', 'es'], weight: 6 },
  { city: 'Seattle', country: 'US', lat: 47.606, lng: -122.332, tz: 'America/Los_Angeles', languages: ['en'], weight: 3 },
  { city: 'Austin', country: 'US', lat: 30.267, lng: -97.743, tz: 'America/Chicago', languages: ['en', 'es'], weight: 3 },
  { city: 'Chicago', country: 'US', lat: 41.878, lng: -87.63, tz: 'America/Chicago', languages: ['en'], weight: 3 },
  { city: 'New York', country: 'US', lat: 40.713, lng: -74.006, tz: 'America/New_York', languages: ['en', 'es'], weight: 7 },
  { city: 'Toronto', country: 'CA', lat: 43.653, lng: -79.383, tz: 'America/Toronto', languages: ['en', 'fr'], weight: 4 },
  { city: 'Mexico City', country: 'MX', lat: 19.433, lng: -99.133, tz: 'America/Mexico_City', languages: ['es', 'en'], weight: 4 },
  { city: 'Bogotá', country: 'CO', lat: 4.711, lng: -74.072, tz: 'America/Bogota', languages: ['es', 'en'], weight: 3 },
  { city: 'São Paulo', country: 'BR', lat: -23.551, lng: -46.633, tz: 'America/Sao_Paulo', languages: ['pt', 'en'], weight: 6 },
  { city: 'Buenos Aires', country: 'AR', lat: -34.604, lng: -58.382, tz: 'America/Argentina/Buenos_Aires', languages: ['es', 'en'], weight: 3 },
];

export const FIRST_NAMES = [
  'Ada', 'Alan', 'Amara', 'Anil', 'Aiko', 'Beatriz', 'Bilal', 'Carmen', 'Chen', 'Chidi', 'Dara', 'Diego', 'Elena', 'Emeka',
  'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jae', 'Jamal', 'Joana', 'Kai', 'Kavya', 'Kofi', 'Lars',
  'Leila', 'Liam', 'Lucia', 'Mateo', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Nia', 'Noah', 'Olga', 'Omar', 'Priya', 'Rafael',
  'Rin', 'Rosa', 'Sami', 'Sara', 'Sofia', 'Tariq', 'Thandiwe', 'Tomás', 'Uma', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zara',
];
export const LAST_NAMES = [
  'Adeyemi', 'Alvarez', 'Andersson', 'Bauer', 'Chen', 'Costa', 'Das', 'Dubois', 'Eze', 'Fernandes', 'Garcia', 'Gupta',
  'Haddad', 'Hansen', 'Ito', 'Ivanova', 'Jensen', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Mensah', 'Moreau',
  'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Oliveira', 'Park', 'Patel', 'Petrov', 'Quispe', 'Rossi', 'Santos',
  'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Torres', 'Usman', 'Vargas', 'Wang', 'Williams', 'Yilmaz', 'Zhang',
];
export const HEADLINES = [
  'Backend engineer who loves databases',
  'Building APIs that stay up',
  'From bootcamp to backend',
  'Career switcher learning server-side development',
  'Platform engineer, ex-sysadmin',
  'Data-heavy services and the SQL behind them',
  'Open-source contributor, test enthusiast',
  'Cloud and DevOps tinkerer',
  'Security-minded API developer',
  'Distributed systems, slowly and carefully',
];
export const MEETUP_FORMATS = ['Night', 'Workshop', 'Study Group', 'Hack Evening', 'Meetup', 'Office Hours', 'Deep Dive', 'Lightning Talks'];
