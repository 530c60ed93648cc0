// Lookup tables for guessing a prospect's time zone from where they are.

const us: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago', CA: 'America/Los_Angeles', CO: 'America/Denver',
  CT: 'America/New_York', DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York', GA: 'America/New_York', HI: 'Pacific/Honolulu',
  ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis', IA: 'America/Chicago', KS: 'America/Chicago', KY: 'America/New_York',
  LA: 'America/Chicago', ME: 'America/New_York', MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago',
  MS: 'America/Chicago', MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago', NV: 'America/Los_Angeles', NH: 'America/New_York',
  NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago', OH: 'America/New_York',
  OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York', SC: 'America/New_York', SD: 'America/Chicago',
  TN: 'America/Chicago', TX: 'America/Chicago', UT: 'America/Denver', VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles',
  WV: 'America/New_York', WI: 'America/Chicago', WY: 'America/Denver', PR: 'America/Puerto_Rico',
};
const usNames: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  'district of columbia': 'DC', 'washington dc': 'DC', 'washington d.c.': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN',
  iowa: 'IA', kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM',
  'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA', washington: 'WA',
  'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
};
const ca: Record<string, string> = {
  AB: 'America/Edmonton', BC: 'America/Vancouver', MB: 'America/Winnipeg', NB: 'America/Moncton', NL: 'America/St_Johns', NS: 'America/Halifax',
  NT: 'America/Yellowknife', NU: 'America/Iqaluit', ON: 'America/Toronto', PE: 'America/Halifax', QC: 'America/Toronto', SK: 'America/Regina', YT: 'America/Whitehorse',
};
const caNames: Record<string, string> = {
  alberta: 'AB', 'british columbia': 'BC', manitoba: 'MB', 'new brunswick': 'NB', newfoundland: 'NL', 'newfoundland and labrador': 'NL', 'nova scotia': 'NS',
  'northwest territories': 'NT', nunavut: 'NU', ontario: 'ON', 'prince edward island': 'PE', quebec: 'QC', québec: 'QC', saskatchewan: 'SK', yukon: 'YT',
};
const au: Record<string, string> = {
  NSW: 'Australia/Sydney', VIC: 'Australia/Melbourne', QLD: 'Australia/Brisbane', SA: 'Australia/Adelaide', WA: 'Australia/Perth', TAS: 'Australia/Hobart',
  ACT: 'Australia/Sydney', NT: 'Australia/Darwin',
};
const auNames: Record<string, string> = {
  'new south wales': 'NSW', victoria: 'VIC', queensland: 'QLD', 'south australia': 'SA', 'western australia': 'WA', tasmania: 'TAS',
  'australian capital territory': 'ACT', 'northern territory': 'NT',
};

export const regionZones: Record<string, { codes: Record<string, string>; names: Record<string, string> }> = {
  US: { codes: us, names: usNames },
  CA: { codes: ca, names: caNames },
  AU: { codes: au, names: auNames },
};

/** Big cities, for sheets with a city but no state. Keyed "city" (unambiguous) or "city|CC". */
export const cityZones: Record<string, string> = {
  'new york': 'America/New_York', 'new york city': 'America/New_York', nyc: 'America/New_York', brooklyn: 'America/New_York', boston: 'America/New_York',
  atlanta: 'America/New_York', miami: 'America/New_York', philadelphia: 'America/New_York', washington: 'America/New_York', 'washington dc': 'America/New_York',
  chicago: 'America/Chicago', dallas: 'America/Chicago', houston: 'America/Chicago', austin: 'America/Chicago', 'san antonio': 'America/Chicago',
  minneapolis: 'America/Chicago', nashville: 'America/Chicago', denver: 'America/Denver', 'salt lake city': 'America/Denver', phoenix: 'America/Phoenix',
  'los angeles': 'America/Los_Angeles', 'san francisco': 'America/Los_Angeles', 'san jose': 'America/Los_Angeles', 'san diego': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles', portland: 'America/Los_Angeles', 'las vegas': 'America/Los_Angeles', 'palo alto': 'America/Los_Angeles',
  toronto: 'America/Toronto', montreal: 'America/Toronto', ottawa: 'America/Toronto', vancouver: 'America/Vancouver', calgary: 'America/Edmonton',
  'mexico city': 'America/Mexico_City', 'sao paulo': 'America/Sao_Paulo', 'são paulo': 'America/Sao_Paulo', 'rio de janeiro': 'America/Sao_Paulo',
  sydney: 'Australia/Sydney', melbourne: 'Australia/Melbourne', brisbane: 'Australia/Brisbane', perth: 'Australia/Perth', adelaide: 'Australia/Adelaide',
  moscow: 'Europe/Moscow', 'saint petersburg': 'Europe/Moscow', jakarta: 'Asia/Jakarta', london: 'Europe/London', berlin: 'Europe/Berlin', paris: 'Europe/Paris',
  madrid: 'Europe/Madrid', barcelona: 'Europe/Madrid', amsterdam: 'Europe/Amsterdam', dublin: 'Europe/Dublin', munich: 'Europe/Berlin', hamburg: 'Europe/Berlin',
  zurich: 'Europe/Zurich', stockholm: 'Europe/Stockholm', singapore: 'Asia/Singapore', tokyo: 'Asia/Tokyo', bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata', dubai: 'Asia/Dubai', 'tel aviv': 'Asia/Jerusalem', 'hong kong': 'Asia/Hong_Kong', shanghai: 'Asia/Shanghai', beijing: 'Asia/Shanghai',
};

/** For countries with several zones where one holds nearly everyone. Countries split across zones (US, CA, AU, BR, MX, RU, ID) are not here. */
export const dominantZones: Record<string, string> = {
  DE: 'Europe/Berlin', ES: 'Europe/Madrid', PT: 'Europe/Lisbon', GB: 'Europe/London', FR: 'Europe/Paris', NL: 'Europe/Amsterdam', DK: 'Europe/Copenhagen',
  CN: 'Asia/Shanghai', AR: 'America/Argentina/Buenos_Aires', CL: 'America/Santiago', EC: 'America/Guayaquil', NZ: 'Pacific/Auckland', MY: 'Asia/Kuala_Lumpur',
  UA: 'Europe/Kyiv', CY: 'Asia/Nicosia', KZ: 'Asia/Almaty', UZ: 'Asia/Tashkent', CO: 'America/Bogota', PE: 'America/Lima', IT: 'Europe/Rome', CH: 'Europe/Zurich',
  SE: 'Europe/Stockholm', NO: 'Europe/Oslo', FI: 'Europe/Helsinki', IN: 'Asia/Kolkata', JP: 'Asia/Tokyo', SG: 'Asia/Singapore', IE: 'Europe/Dublin',
};

/** Names people type in a time-zone column that are not IANA names. */
export const zoneAliases: Record<string, string> = {
  est: 'America/New_York', edt: 'America/New_York', et: 'America/New_York', eastern: 'America/New_York', 'eastern time': 'America/New_York', 'us/eastern': 'America/New_York',
  cst: 'America/Chicago', cdt: 'America/Chicago', ct: 'America/Chicago', central: 'America/Chicago', 'central time': 'America/Chicago', 'us/central': 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', mt: 'America/Denver', mountain: 'America/Denver', 'mountain time': 'America/Denver', 'us/mountain': 'America/Denver',
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles', 'us/pacific': 'America/Los_Angeles',
  akst: 'America/Anchorage', hst: 'Pacific/Honolulu', gmt: 'Europe/London', bst: 'Europe/London', utc: 'UTC', cet: 'Europe/Paris', cest: 'Europe/Paris',
  eet: 'Europe/Athens', ist: 'Asia/Kolkata', jst: 'Asia/Tokyo', aest: 'Australia/Sydney', sgt: 'Asia/Singapore',
  alaska: 'America/Anchorage', hawaii: 'Pacific/Honolulu', arizona: 'America/Phoenix', 'atlantic time': 'America/Halifax', 'atlantic time (canada)': 'America/Halifax',
};
