// Keyboard-first Today: j/k move, a approve, e edit, s skip, r reschedule, c call, 1–5 outcome, d done, h hold back, x select, ? help.
import { useEffect } from 'react';
import { callOutcomeKeys } from '../../../../shared/domain/calling';
import type { CallOutcome } from '../../../../shared/domain/sequence';
import { useQueueStore } from '../../store/queue';
import { itemById } from '../../store/queue/selectors';

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
const outcomeByKey = Object.fromEntries(Object.entries(callOutcomeKeys).map(([o, k]) => [k, o as CallOutcome]));

export function useQueueKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useQueueStore.getState();
      if (e.key === 'Escape') {
        if (s.helpOpen) s.setHelp(false);
        else if (s.rescheduling !== null) s.openReschedule(null);
        else if (s.editing) s.cancelEdit();
        else if (s.logging && !typing(e.target)) s.cancelLogging();
        else if (typing(e.target)) (e.target as HTMLElement).blur();
        else return;
        e.preventDefault();
        return;
      }
      if (typing(e.target) || s.busy) return;
      // With the help or the reschedule choices open, only ? and Esc act; nothing happens behind them.
      if (s.helpOpen || s.rescheduling !== null) {
        if (e.key === '?') {
          s.setHelp(!s.helpOpen);
          e.preventDefault();
        }
        return;
      }
      const key = s.focused;
      const item = key?.startsWith('run:') ? itemById(s, Number(key.slice(4))) : null;
      const outId = key?.startsWith('out:') ? Number(key.slice(4)) : null;
      const can = (a: string) => !!item && item.actions.includes(a as never);
      let handled = true;
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          s.move(1);
          break;
        case 'k':
        case 'ArrowUp':
          s.move(-1);
          break;
        case '?':
          s.setHelp(!s.helpOpen);
          break;
        case 'a':
          if (can('approve')) void s.approve(item!.id);
          else if (can('retry')) void s.retry(item!.id);
          break;
        case 'A':
          void s.approveMany();
          break;
        case 'e':
        case 'Enter':
          if (item?.email && can('approve')) s.startEdit(item.id);
          else if (outId !== null && e.key === 'e') void s.holdBack(outId);
          else if (item?.section === 'calls' && e.key === 'Enter' && s.logging?.id === item.id) void s.logCall();
          else handled = false;
          break;
        case 's':
          if (can('skip')) void s.skip(item!.id);
          break;
        case 'r':
          if (can('reschedule')) s.openReschedule(item!.id);
          else if (outId !== null) s.openReschedule(outId);
          break;
        case 'c':
          if (can('logCall')) void s.call(item!.id);
          break;
        case 'l':
          // Log an outcome without dialling through Repdesk (a call placed from a desk phone).
          if (can('logCall')) s.startLogging(item!.id);
          break;
        case 'd':
          if (can('complete')) document.getElementById(`task-note-${item!.id}`)?.focus();
          break;
        case 'h':
          if (outId !== null) void s.holdBack(outId);
          break;
        case 'x':
          if (can('approve')) s.toggleSelected(item!.id);
          break;
        default:
          if (item && s.logging?.id === item.id && outcomeByKey[e.key]) {
            s.chooseOutcome(outcomeByKey[e.key]!);
            // Notes next; Enter in the notes field logs the call.
            requestAnimationFrame(() => document.getElementById(`call-notes-${item.id}`)?.focus());
          } else handled = false;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
