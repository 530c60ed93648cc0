// The merge fields an email can use: the prospect's standard and custom fields and the rep's own.
export interface ProspectFields {
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  industry: string | null;
  website: string | null;
  domain: string | null;
  linkedin_url: string | null;
  custom: Record<string, unknown>;
}

export interface RepFields {
  rep_name: string;
  rep_email: string;
}

export const standardFields: { name: string; label: string }[] = [
  { name: 'first_name', label: 'First name' },
  { name: 'last_name', label: 'Last name' },
  { name: 'full_name', label: 'Full name' },
  { name: 'email', label: 'Email' },
  { name: 'company', label: 'Company' },
  { name: 'title', label: 'Job title' },
  { name: 'phone', label: 'Phone' },
  { name: 'city', label: 'City' },
  { name: 'region', label: 'Region' },
  { name: 'country', label: 'Country' },
  { name: 'industry', label: 'Industry' },
  { name: 'website', label: 'Website' },
  { name: 'domain', label: 'Company domain' },
  { name: 'linkedin_url', label: 'LinkedIn' },
];
export const repFieldList = [
  { name: 'rep_name', label: 'Your name' },
  { name: 'rep_email', label: 'Your email' },
];

/** Custom field keys as merge-field names: "Pain point" -> pain_point. */
export function fieldKey(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The variables a template sees; an empty value counts as missing. Standard fields win over custom ones. */
export function mergeContext(p: ProspectFields, rep: RepFields): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.custom)) {
    const key = fieldKey(k);
    if (key && v !== null && v !== undefined && String(v).trim() !== '') custom[key] = String(v);
  }
  const standard: Record<string, unknown> = {
    email: p.email,
    first_name: p.first_name,
    last_name: p.last_name,
    full_name: [p.first_name, p.last_name].filter(Boolean).join(' ') || null,
    company: p.company,
    title: p.title,
    phone: p.phone,
    city: p.city,
    region: p.region,
    country: p.country,
    industry: p.industry,
    website: p.website,
    domain: p.domain,
    linkedin_url: p.linkedin_url,
    rep_name: rep.rep_name,
    rep_email: rep.rep_email,
  };
  const out: Record<string, unknown> = { ...custom, custom };
  for (const [k, v] of Object.entries(standard)) if (v !== null && v !== undefined && String(v).trim() !== '') out[k] = v;
  return out;
}
