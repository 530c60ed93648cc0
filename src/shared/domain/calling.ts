// Click-to-call: the Settings template that turns a prospect's phone number into a URI, and call outcome rules.
import { z } from 'zod';
import type { CallOutcome } from './sequence';

export const defaultCallUriTemplate = 'tel:{phone}';

/** Schemes that may never open from a call button: they would load a page or run code, not dial. */
const forbiddenSchemes = ['http', 'https', 'javascript', 'file', 'data', 'vbscript', 'blob', 'about', 'ftp', 'ws', 'wss'];

/** Why a template is refused, or null when it is usable. */
export function callTemplateProblem(template: string): string | null {
  const t = template.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1]?.toLowerCase();
  if (!scheme) return 'Start with a scheme such as tel:, callto:, sip: or your softphone’s own (e.g. zoomphonecall:)';
  if (forbiddenSchemes.includes(scheme)) return `${scheme}: opens a page or runs code, not a call; use tel:, callto:, sip: or your softphone’s scheme`;
  if (!t.includes('{phone}') && !t.includes('{digits}')) return 'Put {phone} where the number goes, e.g. tel:{phone}';
  if (/\s/.test(t)) return 'A call link cannot contain spaces';
  return null;
}

export const callingSettingsShape = {
  /** How the Call button dials: a URI with {phone} (E.164, e.g. +14155550100) or {digits} (no plus). */
  callUriTemplate: z
    .string()
    .trim()
    .max(300)
    .superRefine((t, ctx) => {
      const problem = callTemplateProblem(t);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Clicking a reminder for a call also starts dialling. */
  startCallFromReminder: z.boolean(),
};

export const defaultCallingSettings = () => ({ callUriTemplate: defaultCallUriTemplate, startCallFromReminder: false });

/**
 * The URI to open for a call, or an error saying what is wrong. The phone is E.164 (+ and digits). An extension goes
 * into a tel: link the standard way (RFC 3966: tel:+12125550100;ext=204); other schemes have no standard for it, so
 * the rep dials it when the line answers (callExtensionHint).
 */
export function buildCallUri(template: string, phone: string | null, extension: string | null = null): { ok: true; uri: string } | { ok: false; message: string } {
  const problem = callTemplateProblem(template);
  if (problem) return { ok: false, message: `The call link in Settings is not usable: ${problem}.` };
  const e164 = (phone ?? '').replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return { ok: false, message: 'This prospect has no phone number in international format (such as +14155550100). Add one on the prospect, then call.' };
  const t = template.trim();
  const ext = extension && /^\d{1,20}$/.test(extension) && /^tel:/i.test(t) ? `;ext=${extension}` : '';
  const uri = t.replaceAll('{phone}', e164 + ext).replaceAll('{digits}', e164.slice(1) + ext);
  return { ok: true, uri };
}

/** What the rep still has to dial after a call link opened: the extension, unless the link carries it. */
export function callExtensionHint(uri: string, extension: string | null): string | null {
  return extension && !uri.includes(`;ext=${extension}`) ? `Dial extension ${extension} when the line answers.` : null;
}

export const callOutcomeLabels: Record<CallOutcome, string> = {
  connected: 'Connected',
  voicemail: 'Left voicemail',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  meeting_booked: 'Meeting booked',
};

/** The keys the outcome logger uses, one per outcome, in the order the buttons show. */
export const callOutcomeKeys: Record<CallOutcome, string> = { connected: '1', voicemail: '2', no_answer: '3', wrong_number: '4', meeting_booked: '5' };

/** What logging an outcome does to the enrollment, so the logger can say it before the rep confirms. */
export function outcomeEffect(outcome: CallOutcome, stopOnCallOutcomes: readonly CallOutcome[], isLastStep: boolean): 'finishes' | 'next_step' | 'completes' {
  if (stopOnCallOutcomes.includes(outcome)) return 'finishes';
  return isLastStep ? 'completes' : 'next_step';
}
