/**
 * The message catalogs, one JSON file per area of the client and language
 * (`zh-CN` first; `en` on request). To add an area: create both files and list
 * them here. Keys are flat and carry their area prefix (`judge.title`);
 * placeholders are `{name}`. test/web/catalogs.test.ts checks that both
 * languages have the same keys and placeholders and that every key the code
 * uses exists.
 */
import enApp from './en/app.json';
import enAudience from './en/audience.json';
import enDirectory from './en/directory.json';
import enErrors from './en/errors.json';
import enFields from './en/fields.json';
import enHall from './en/hall.json';
import enIndicators from './en/indicators.json';
import enJudge from './en/judge.json';
import enLive from './en/live.json';
import enOrganizer from './en/organizer.json';
import enRatings from './en/ratings.json';
import enRound from './en/round.json';
import enResults from './en/results.json';
import enScreen from './en/screen.json';
import zhApp from './zh-CN/app.json';
import zhAudience from './zh-CN/audience.json';
import zhDirectory from './zh-CN/directory.json';
import zhErrors from './zh-CN/errors.json';
import zhFields from './zh-CN/fields.json';
import zhHall from './zh-CN/hall.json';
import zhIndicators from './zh-CN/indicators.json';
import zhJudge from './zh-CN/judge.json';
import zhLive from './zh-CN/live.json';
import zhOrganizer from './zh-CN/organizer.json';
import zhRatings from './zh-CN/ratings.json';
import zhRound from './zh-CN/round.json';
import zhResults from './zh-CN/results.json';
import zhScreen from './zh-CN/screen.json';

const zh = {
  ...zhApp,
  ...zhAudience,
  ...zhDirectory,
  ...zhErrors,
  ...zhFields,
  ...zhHall,
  ...zhIndicators,
  ...zhJudge,
  ...zhLive,
  ...zhOrganizer,
  ...zhRatings,
  ...zhRound,
  ...zhResults,
  ...zhScreen,
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  ...enApp,
  ...enAudience,
  ...enDirectory,
  ...enErrors,
  ...enFields,
  ...enHall,
  ...enIndicators,
  ...enJudge,
  ...enLive,
  ...enOrganizer,
  ...enRatings,
  ...enRound,
  ...enResults,
  ...enScreen,
};

export const CATALOGS = { 'zh-CN': zh as Record<MessageKey, string>, en } as const;
