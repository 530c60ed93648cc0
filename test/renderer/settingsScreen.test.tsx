// The Settings screen against a fake transport: saves a patch, shows field errors from the API.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/contract';
import { createClient, setClient } from '../../src/renderer/src/api/client';
import type { Transport } from '../../src/renderer/src/api/transport';
import { SettingsScreen } from '../../src/renderer/src/screens/SettingsScreen';
import { useSettingsStore } from '../../src/renderer/src/store/settings';

let calls: [string, unknown][];
let stored: Record<string, unknown>;

function fakeTransport(): Transport {
  return {
    kind: 'http',
    async call(method, request): Promise<ApiResult<unknown>> {
      calls.push([method, request]);
      if (method === 'settings.get') return { ok: true, value: stored };
      if (method === 'settings.options') return { ok: true, value: { timeZones: ['UTC', 'Europe/Berlin'], countries: [{ code: 'DE', name: 'Germany' }, { code: 'US', name: 'United States' }] } };
      if (method === 'settings.update') {
        const patch = request as Record<string, string>;
        if (patch.repEmail === 'bad') return { ok: false, error: { code: 'invalid_request', message: 'Not saved.', issues: [{ path: 'repEmail', message: 'Enter a valid email address' }] } };
        stored = { ...stored, ...patch };
        return { ok: true, value: stored };
      }
      return { ok: false, error: { code: 'unknown_method', message: method } };
    },
    subscribe: () => () => {},
  };
}

beforeEach(() => {
  calls = [];
  stored = { repName: 'Old', repEmail: '', timeZone: 'UTC', defaultCountry: 'US', callUriTemplate: 'tel:{phone}', startCallFromReminder: false };
  useSettingsStore.setState({ settings: null, options: null, error: null, fieldErrors: {}, savedAt: null });
  setClient(createClient(fakeTransport()));
});

describe('Settings screen', () => {
  it('saves the edited fields through the API', async () => {
    render(<SettingsScreen />);
    const name = await screen.findByLabelText('Your name');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.change(name, { target: { value: 'New Name' } });
    fireEvent.change(screen.getByLabelText('Your time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('settings-saved');
    expect(calls.find(([m]) => m === 'settings.update')?.[1]).toMatchObject({ repName: 'New Name', timeZone: 'Europe/Berlin' });
    expect(stored.repName).toBe('New Name');
  });

  it('shows the API field error beside the field and keeps the draft', async () => {
    render(<SettingsScreen />);
    fireEvent.change(await screen.findByLabelText('Your work email'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Enter a valid email address');
    await waitFor(() => expect(screen.getByLabelText('Your work email')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Your work email')).toHaveValue('bad');
  });
});
