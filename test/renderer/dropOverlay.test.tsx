// Dragging a file over the window shows the drop target and has the import's workers get ready, once per drag.
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import { DropOverlay } from '../../src/renderer/src/components/import/DropOverlay';

let calls: string[];

beforeEach(() => {
  calls = [];
  const call = async (method: string): Promise<ApiResult<unknown>> => {
    calls.push(method);
    return { ok: true, value: { ready: true } };
  };
  setClient(createClient({ kind: 'http', call, subscribe: () => () => {} }));
});

/** A drag event as Chromium sends it for files dragged in from the desktop (jsdom has no DataTransfer). */
function drag(type: 'dragenter' | 'dragleave', types: string[] = ['Files']): void {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { types, files: [] } });
  act(() => void window.dispatchEvent(e));
}

describe('drop overlay', () => {
  it('readies the import once per drag of a file, however many elements the drag crosses', () => {
    render(<DropOverlay />);
    drag('dragenter');
    // Crossing into a child element: another enter before the leave of the first.
    drag('dragenter');
    drag('dragleave');
    expect(screen.getByText('Drop to import prospects')).toBeInTheDocument();
    drag('dragleave');
    expect(screen.queryByText('Drop to import prospects')).toBeNull();
    expect(calls).toEqual(['imports.ready']);
    drag('dragenter');
    expect(calls).toEqual(['imports.ready', 'imports.ready']);
  });

  it('does nothing for a drag that carries no file (text dragged from a page)', () => {
    render(<DropOverlay />);
    drag('dragenter', ['text/plain']);
    expect(screen.queryByText('Drop to import prospects')).toBeNull();
    expect(calls).toEqual([]);
  });
});
