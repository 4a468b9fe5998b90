import type { ClaimantAlias } from '../pack.ts';

/**
 * International outlets that stories in every language cite by their Latin-script name; each
 * pack adds its own spellings of them (Рейтер, Бі-бі-сі).
 */
export const LATIN_OUTLETS: readonly ClaimantAlias[] = [
  { alias: 'Reuters', name: 'Reuters', country: 'GB' },
  { alias: 'Financial Times', name: 'Financial Times', country: 'GB' },
  { alias: 'BBC', name: 'BBC', country: 'GB', exact: true },
  { alias: 'CNN', name: 'CNN', country: 'US', exact: true },
  { alias: 'Bloomberg', name: 'Bloomberg', country: 'US' },
  { alias: 'Wall Street Journal', name: 'The Wall Street Journal', country: 'US' },
  { alias: 'New York Times', name: 'The New York Times' },
  { alias: 'Yonhap', name: 'Yonhap' },
  { alias: 'Associated Press', name: 'Associated Press', country: 'US' },
  { alias: 'AP', name: 'Associated Press', country: 'US', exact: true },
  { alias: 'AFP', name: 'AFP', country: 'FR', exact: true },
  { alias: 'Agence France-Presse', name: 'AFP', country: 'FR' },
  { alias: 'France-Presse', name: 'AFP', country: 'FR' },
  { alias: 'France Presse', name: 'AFP', country: 'FR' },
  { alias: 'Kyiv Independent', name: 'The Kyiv Independent', country: 'UA' },
  { alias: 'Kyiv Post', name: 'Kyiv Post', country: 'UA' },
  { alias: 'Washington Post', name: 'The Washington Post', country: 'US' },
  { alias: 'NK News', name: 'NK News', country: 'US' },
  { alias: 'Sky News', name: 'Sky News', country: 'GB' },
  { alias: 'NHK', name: 'NHK', country: 'JP', exact: true },
  { alias: 'Telegraph', name: 'The Telegraph', country: 'GB' },
  { alias: 'Guardian', name: 'The Guardian', country: 'GB' },
  { alias: 'Economist', name: 'The Economist', country: 'GB' },
  { alias: 'Politico', name: 'Politico', country: 'US' },
  { alias: 'Axios', name: 'Axios', country: 'US' },
  { alias: 'Newsweek', name: 'Newsweek', country: 'US' },
  { alias: 'Kyodo', name: 'Kyodo', country: 'JP' },
  { alias: 'Ukrinform', name: 'Ukrinform', country: 'UA' },
  { alias: 'Daily NK', name: 'Daily NK', country: 'KR' },
  { alias: '38 North', name: '38 North', country: 'US' },
  { alias: 'JoongAng Ilbo', name: 'JoongAng Ilbo', country: 'KR' },
  { alias: 'Chosun Ilbo', name: 'Chosun Ilbo', country: 'KR' },
  { alias: 'Korea Herald', name: 'Korea Herald', country: 'KR' },
  { alias: 'Korea Times', name: 'Korea Times', country: 'KR' },
  { alias: 'Radio Free Asia', name: 'Radio Free Asia', country: 'US' },
  { alias: 'Voice of America', name: 'Voice of America', country: 'US' },
  { alias: 'Deutsche Welle', name: 'Deutsche Welle', country: 'DE' },
  { alias: 'Al Jazeera', name: 'Al Jazeera', country: 'QA' },
  { alias: 'RFI', name: 'RFI', country: 'FR', exact: true },
  // "з посиланням на rfi": cited by its web address's spelling.
  { alias: 'rfi', name: 'RFI', country: 'FR', exact: true },
  { alias: 'Radio France Internationale', name: 'RFI', country: 'FR' },
  // A military news portal that Ukrainian outlets cite by its English name.
  { alias: 'Global Defense Corporation', name: 'Global Defense Corporation', country: null },
];
