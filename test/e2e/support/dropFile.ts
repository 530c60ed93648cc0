// Drops a text file onto the window the way a rep drags one from their desktop (the App-level drop overlay takes it).
import { expect, type Page } from '@playwright/test';

export async function dropFile(page: Page, name: string, content: string) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text!], fileName!, { type: 'text/csv' }));
      return dt;
    },
    [name, content],
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import prospects')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}
