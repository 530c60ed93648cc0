// Reads the country a spreadsheet names ("USA", "United Kingdom", "Deutschland", "de") as an ISO 3166-1 alpha-2 code.
import { isCountryCode, listCountries } from '../domain/countries';

const aliases: Record<string, string> = {
  usa: 'US', us: 'US', 'u.s.': 'US', 'u.s.a.': 'US', america: 'US', 'united states': 'US', 'united states of america': 'US',
  uk: 'GB', 'u.k.': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  deutschland: 'DE', germany: 'DE', allemagne: 'DE', espana: 'ES', españa: 'ES', italia: 'IT', brasil: 'BR', mexico: 'MX', méxico: 'MX',
  nederland: 'NL', holland: 'NL', 'the netherlands': 'NL', schweiz: 'CH', suisse: 'CH', österreich: 'AT', osterreich: 'AT',
  uae: 'AE', 'south korea': 'KR', korea: 'KR', russia: 'RU', 'czech republic': 'CZ', czechia: 'CZ', türkiye: 'TR', turkey: 'TR',
  'hong kong': 'HK', taiwan: 'TW', vietnam: 'VN', 'viet nam': 'VN', 'ivory coast': 'CI', sverige: 'SE', norge: 'NO', danmark: 'DK', suomi: 'FI',
  polska: 'PL', 'new zealand': 'NZ', aus: 'AU', can: 'CA', ind: 'IN', fra: 'FR', deu: 'DE', gbr: 'GB', esp: 'ES', ita: 'IT', nld: 'NL', bra: 'BR', mex: 'MX', jpn: 'JP', chn: 'CN',
};

let byName: Map<string, string> | null = null;

export function countryCode(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!v) return null;
  if (v.length === 2 && isCountryCode(v.toUpperCase())) return v.toUpperCase();
  const alias = aliases[v];
  if (alias) return alias;
  if (!byName) byName = new Map(listCountries().map((c) => [c.name.toLowerCase(), c.code]));
  return byName.get(v) ?? null;
}
