// Small display helpers for the sequence screens: step labels, delays and instants in the rep's zone.
import type { StepInput, StepType } from '../../../../shared/domain/sequence';

export const stepTypeLabel: Record<StepType, string> = {
  auto_email: 'Automatic email',
  manual_email: 'Manual email',
  call: 'Call',
  task: 'Task',
};

export const stepTypeShort: Record<StepType, string> = { auto_email: 'Auto', manual_email: 'Manual', call: 'Call', task: 'Task' };

export function delayLabel(s: Pick<StepInput, 'delayAmount' | 'delayUnit'>, first: boolean): string {
  if (s.delayAmount === 0) return first ? 'Right away' : 'Same day as the previous step';
  const unit = { business_days: 'business day', days: 'day', hours: 'hour' }[s.delayUnit];
  return `${s.delayAmount} ${unit}${s.delayAmount === 1 ? '' : 's'} after ${first ? 'enrolling' : 'the previous step'}`;
}

export function formatWhen(ms: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}
