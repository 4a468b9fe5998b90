/**
 * Data for a cheap language guess when a feed does not declare one: the script decides for
 * non-Latin text, and common function words decide between Latin-script languages.
 */

/** Scripts that identify a language on their own, checked in order. */
export const SCRIPT_LANGUAGES: ReadonlyArray<{ pattern: RegExp; language: string }> = [
  { pattern: /[\uAC00-\uD7AF\u1100-\u11FF]/u, language: 'ko' },
  { pattern: /[\u3040-\u30FF]/u, language: 'ja' },
  { pattern: /[\u4E00-\u9FFF]/u, language: 'zh' },
  { pattern: /[іїєґІЇЄҐ]/u, language: 'uk' },
  { pattern: /[\u0400-\u04FF]/u, language: 'ru' },
  { pattern: /[\u0600-\u06FF]/u, language: 'ar' },
];

/** Frequent function words of Latin-script languages. */
export const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'said', 'for', 'with', 'have', 'has'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'sich',
    'auf',
    'für',
    'dem',
    'den',
    'dass',
    'von',
    'eine',
    'einer',
    'im',
    'wird',
    'wurde',
    'seien',
    'sind',
    'nach',
    'auch',
    'oder',
  ],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'pour', 'dans', 'du', 'qui'],
  es: ['el', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'con', 'para', 'es', 'se'],
  it: ['il', 'che', 'di', 'della', 'per', 'una', 'sono', 'gli', 'con', 'del', 'non', 'nel'],
  pt: ['o', 'os', 'que', 'do', 'da', 'em', 'uma', 'para', 'com', 'não', 'dos', 'ao'],
  nl: ['de', 'het', 'een', 'en', 'van', 'dat', 'niet', 'zijn', 'voor', 'met', 'ook', 'op'],
  pl: ['się', 'nie', 'że', 'jest', 'na', 'do', 'oraz', 'przez', 'jak', 'dla', 'od', 'po'],
};

/** The tag for a language that cannot be told. */
export const UNDETERMINED = 'und';
