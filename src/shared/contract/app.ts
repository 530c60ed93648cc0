// Methods the app shell needs: who we are and the counts beside each navigation entry.
import { z } from 'zod';
import { empty, method } from './define';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['ipc', 'http']),
  dataDir: z.string(),
  testMode: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const NavCountsSchema = z.object({
  today: z.number().int().nonnegative(),
  prospects: z.number().int().nonnegative(),
  sequences: z.number().int().nonnegative(),
});
export type NavCounts = z.infer<typeof NavCountsSchema>;

export const appMethods = {
  'app.info': method(empty, AppInfoSchema),
  'app.counts': method(empty, NavCountsSchema),
};
