// Prospects as the screen uses them: the paged list, detail with timeline, validated edits, deletion and CSV export.
import Papa from 'papaparse';
import type { ProspectFilter, ProspectListQuery, ProspectPatch, TimelineEvent } from '../../../shared/contract/prospects';
import type { Prospect } from '../../../shared/domain/prospect';
import { isTimeZone } from '../../../shared/domain/timeZones';
import { countryCode } from '../../../shared/import/countries';
import { cleanEmail, emailDomain, emailProblem, normalizeDomain, normalizeEmail } from '../../../shared/import/email';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { importQueries } from '../db/queries/imports';
import { prospectListQueries } from '../db/queries/prospectList';
import { prospectRemoval, type ProspectRemoval } from '../db/queries/prospectRemoval';
import { prospectQueries, toProspect, type ProspectValues } from '../db/queries/prospects';
import { UserError, notFound } from '../errors';
import { rowValues } from '../import/applyDraft';
import { normalizePhone } from '../import/phone';
import { inferTimeZone, type ZoneGuess } from '../import/timeZoneInference';
import type { SettingsService } from '../settings/settingsService';
import { yieldToLoop } from '../yieldToLoop';

const patchColumns = {
  firstName: 'first_name', lastName: 'last_name', company: 'company', title: 'title', linkedinUrl: 'linkedin_url', city: 'city',
  region: 'region', industry: 'industry', source: 'source',
} as const;

/** Whether an edit changes what a prospect's time zone is guessed from. */
const movedPlace = (patch: ProspectPatch) => patch.city !== undefined || patch.region !== undefined || patch.country !== undefined || patch.phone !== undefined;

/** Prospects deleted per transaction. */
const deleteSlice = 10_000;

/** A zone Repdesk guessed (from where the prospect is, their phone, or the rep's own), not one the rep or the file gave. */
const guessedZone = (source: string | null) => source === null || source === 'location' || source === 'phone' || source === 'rep';

export class ProspectService {
  private readonly q;
  private readonly list_;
  private readonly iq;
  private readonly removal: ProspectRemoval;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly changed: (reason: string) => void,
    /** Empties the store's log after a deletion, so no copy of what was deleted is left in it (walCheckpointer.ts). */
    private readonly eraseLog: () => Promise<void>,
  ) {
    this.q = prospectQueries(db);
    this.list_ = prospectListQueries(db);
    this.iq = importQueries(db);
    this.removal = prospectRemoval(db);
  }

  list(query: ProspectListQuery): { total: number; rows: Prospect[] } {
    return { total: this.list_.count(query), rows: this.list_.page(query).map(toProspect) };
  }

  customFieldKeys(): string[] {
    return this.list_.customFieldKeys();
  }

  ids(filter: ProspectFilter): number[] {
    return this.list_.ids(filter);
  }

  get(id: number): { prospect: Prospect; timeline: TimelineEvent[]; importFileName: string | null } {
    const row = this.q.byId(id);
    if (!row) throw notFound('That prospect');
    const timeline = this.q.timeline(id).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
    return { prospect: toProspect(row), timeline, importFileName: row.import_id ? (this.iq.get(row.import_id)?.file_name ?? null) : null };
  }

  facets() {
    return {
      tags: this.q.tags(),
      imports: this.iq.list().filter((i) => i.status === 'done').map((i) => ({ id: i.id, fileName: i.file_name, createdAt: i.created_at })),
      timeZones: this.list_.timeZones(),
    };
  }

  update(id: number, patch: ProspectPatch): Prospect {
    const row = this.q.byId(id);
    if (!row) throw notFound('That prospect');
    const values: ProspectValues = rowValues(row);
    const issues: { path: string; message: string }[] = [];
    let emailNormalized = row.email_normalized;
    if (patch.email !== undefined) {
      emailNormalized = normalizeEmail(patch.email);
      const problem = emailProblem(emailNormalized);
      if (problem) issues.push({ path: 'email', message: `Enter a valid email address: ${problem}` });
      else if (emailNormalized !== row.email_normalized && this.q.byEmail(emailNormalized)) issues.push({ path: 'email', message: 'Another prospect already has this email address' });
      else {
        values.email = cleanEmail(patch.email);
        if (!values.website) values.domain = emailDomain(emailNormalized);
      }
    }
    for (const [key, column] of Object.entries(patchColumns) as [keyof typeof patchColumns, (typeof patchColumns)[keyof typeof patchColumns]][]) {
      if (patch[key] !== undefined) values[column] = patch[key]?.trim() || null;
    }
    if (patch.country !== undefined) {
      const code = patch.country ? countryCode(patch.country) : null;
      if (patch.country && !code) issues.push({ path: 'country', message: 'Enter a country name or its two-letter code' });
      else values.country = code;
    }
    if (patch.phone !== undefined) {
      const raw = patch.phone?.trim() || null;
      const parsed = raw ? normalizePhone(raw, values.country ?? this.settings.get().defaultCountry) : { e164: null };
      if (raw && !parsed.e164) issues.push({ path: 'phone', message: 'Enter a phone number that includes its area code (and country code if abroad)' });
      else {
        values.phone = parsed.e164;
        values.phone_raw = raw;
      }
    }
    if (patch.website !== undefined) {
      values.website = patch.website?.trim() || null;
      values.domain = values.website ? normalizeDomain(values.website) : emailDomain(emailNormalized);
    }
    if (patch.timeZone) {
      if (!isTimeZone(patch.timeZone)) issues.push({ path: 'timeZone', message: 'Choose a time zone from the list' });
      else {
        values.time_zone = patch.timeZone;
        values.time_zone_source = 'manual';
      }
    } else if (patch.timeZone !== undefined || (movedPlace(patch) && guessedZone(row.time_zone_source))) {
      // A cleared zone, or a guessed one whose clues changed (the rep fixed the state, or the number), is guessed again.
      const guess = this.guessZone(values);
      values.time_zone = guess.timeZone;
      values.time_zone_source = guess.source;
    }
    if (patch.customFields !== undefined) values.custom_fields = patch.customFields;
    if (issues.length) throw new UserError('invalid_request', 'Some fields are not valid; nothing was saved.', issues);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.q.update(id, values, emailNormalized, row.status, now);
      if (patch.tags !== undefined) this.q.setTags(id, [...new Set(patch.tags)], now);
      this.q.addEvent(id, 'prospect_edited', null, { fields: Object.keys(patch) }, now);
    })();
    this.changed('edit');
    return toProspect(this.q.byId(id)!);
  }

  /** The zone Repdesk would give a prospect with these details, as an import does (no time-zone column here). */
  private guessZone(values: ProspectValues): ZoneGuess {
    const { defaultCountry, timeZone } = this.settings.get();
    const phoneCountry = values.phone ? normalizePhone(values.phone, defaultCountry).country : null;
    return inferTimeZone({ country: values.country, region: values.region, city: values.city, phone: values.phone, phoneCountry }, timeZone);
  }

  /**
   * Deletes prospects with everything tied to them (enrollments, messages, calls, events cascade; see
   * prospectRemoval.ts). Many are deleted a slice per transaction, with the app free between them (100,000 take about
   * a second and a half): lowest ids first, so no prospect added meanwhile gets the id of one deleted, and the last
   * slice builds the search index again if the others left it holding the deleted.
   */
  async delete(ids: number[]): Promise<{ deleted: number }> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    let deleted = 0;
    for (let from = 0; from < sorted.length; from += deleteSlice) {
      const last = from + deleteSlice >= sorted.length;
      // Taking the write lock at once: a transaction that began by reading could find it taken and fail.
      deleted += this.db.transaction(() => this.removal.byIds(sorted.slice(from, from + deleteSlice), last)).immediate();
      if (!last) await yieldToLoop();
    }
    if (deleted) {
      this.changed('delete');
      await this.eraseLog();
    }
    return { deleted };
  }

  exportCsv(query: Omit<ProspectListQuery, 'offset' | 'limit'>): { fileName: string; csv: string; rows: number } {
    const fixed = ['Email', 'First name', 'Last name', 'Company', 'Title', 'Phone', 'LinkedIn', 'Website', 'City', 'State / region', 'Country', 'Time zone', 'Industry', 'Source', 'Status', 'Tags'];
    const rows: Prospect[] = [];
    const customKeys = new Set<string>();
    for (const r of this.list_.iterate(query)) {
      const p = toProspect(r);
      for (const k of Object.keys(p.customFields)) customKeys.add(k);
      rows.push(p);
    }
    const custom = [...customKeys];
    const data = rows.map((p) => [
      p.email, p.firstName, p.lastName, p.company, p.title, p.phone ?? p.phoneRaw, p.linkedinUrl, p.website, p.city, p.region, p.country, p.timeZone,
      p.industry, p.source, p.status, p.tags.join('; '), ...custom.map((k) => p.customFields[k] ?? ''),
    ].map((v) => v ?? ''));
    const csv = Papa.unparse({ fields: [...fixed, ...custom], data }, { escapeFormulae: true });
    const date = new Date(this.clock.now()).toISOString().slice(0, 10);
    return { fileName: `prospects-${date}.csv`, csv: '\uFEFF' + csv, rows: rows.length };
  }

}
