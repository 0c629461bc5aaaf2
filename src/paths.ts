import envPaths from 'env-paths';
import { join } from 'node:path';

/** `CALMCLIENT_HOME` when set (tests, several profiles), else the platform's user data folder. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.CALMCLIENT_HOME?.trim();
  return home ? home : envPaths('calmclient', { suffix: '' }).data;
}

/** `CALMCLIENT_HOME` when set, else the platform's user config folder (what the user edits). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.CALMCLIENT_HOME?.trim();
  return home ? home : envPaths('calmclient', { suffix: '' }).config;
}

/** The user's own playbooks, laid out like the built-in ones: `<lang>/<id>.yaml`. */
export const userPlaybooksDir = (env: NodeJS.ProcessEnv = process.env): string => join(configDir(env), 'playbooks');

/** The user's profile (`calmclient config`, src/store/profile.ts). */
export const profileFile = (env: NodeJS.ProcessEnv = process.env): string => join(configDir(env), 'config.json');

export const sessionsDir = (root: string): string => join(root, 'sessions');
export const recapsDir = (root: string): string => join(root, 'recaps');
