/**
 * Known claimants: the people and bodies that give North Korea–Russia figures, with the
 * spellings stories use and their country. Canonical names follow the hand annotation
 * (`test/fixtures/figures/demo-figures.json`) where it names them, so predictions and gold compare
 * as equal strings.
 * Aliases are matched case-insensitively, except all-capital acronyms ("JCS", "NIS", "HUR"),
 * which must be written in capitals.
 */

import type { Metric } from '../types.ts';

/** What sort of claimant an entry is; pronouns resolve to the last person or body. */
export type ClaimantKind = 'person' | 'body' | 'country' | 'media';

/** One known claimant. */
export interface ClaimantEntry {
  name: string;
  /** ISO 3166 alpha-2, or null for international bodies. */
  country: string | null;
  kind: ClaimantKind;
  aliases: string[];
  /**
   * The body this person usually relays (a lawmaker briefed by the NIS): when the same
   * paragraph names that body, the figure is the body's (FIGURES.md, Hard cases).
   */
  relays?: string;
  /**
   * The body this person heads or speaks for, or that a generic spelling stands for ("Sabrina
   * Singh" for the Pentagon, "South Korean intelligence" for the NIS): stories and annotators
   * credit a figure to either, so scoring counts them as one source. The extractor still names
   * whom the story names.
   */
  speaksFor?: string;
  /**
   * The words stories use for this person's post when they leave the name out ("defence
   * minister"): a story that names the holder once and then writes "South Korea's defence
   * minister said" credits the holder, as annotators and readers do, and so does "the
   * ambassador said" after the story named the holder by surname only. Lower case; the post
   * belongs to the `speaksFor` body, when there is one.
   */
  office?: readonly string[];
}

/** The table of known claimants. */
export const CLAIMANTS: readonly ClaimantEntry[] = [
  {
    name: 'Volodymyr Zelensky',
    country: 'UA',
    kind: 'person',
    aliases: [
      'Zelensky',
      'Zelenskyy',
      'Zelenskiy',
      'Zelenskii',
      'Zelenski',
      // Ukraine's national transliteration (2010), used by some Kyiv outlets in English.
      'Zelenskyi',
      'Volodymyr Zelensky',
      'Volodymyr Zelenskyy',
      'Volodymyr Zelenskiy',
      'Ukrainian President',
      "Ukraine's President",
      'Ukraine President',
      'President of Ukraine',
      'Ukrainian leader',
      "Ukraine's leader",
      "Zelensky's office",
      'Office of the President of Ukraine',
      "Ukraine's presidential office",
      'President Zelensky',
      'President Zelenskyy',
    ],
  },
  {
    name: 'Andriy Hnatov',
    country: 'UA',
    kind: 'person',
    aliases: ['Andriy Hnatov', 'Andrii Hnatov', 'Hnatov', 'Hnatow'],
    speaksFor: 'Ukraine General Staff',
  },
  {
    name: 'Oleksandr Syrskyi',
    country: 'UA',
    kind: 'person',
    aliases: [
      'Syrskyi',
      'Syrsky',
      'Sirsky',
      'Syrskiy',
      'Sirskyi',
      'Oleksandr Syrskyi',
      "Ukraine's commander-in-chief",
      'Ukrainian commander-in-chief',
      'Commander-in-Chief of the Armed Forces of Ukraine',
      "Ukraine's top commander",
      "Kyiv's top commander",
      "Ukraine's army chief",
    ],
  },
  {
    name: 'Kyrylo Budanov',
    country: 'UA',
    kind: 'person',
    aliases: [
      'Budanov',
      'Kyrylo Budanov',
      'Kirill Budanov',
      // The head of military intelligence through 2024–25, as stories call him unnamed.
      'Ukrainian spy chief',
      "Ukraine's spy chief",
      "Kyiv's spy chief",
      'Ukrainian military intelligence chief',
      "Ukraine's military intelligence chief",
      "head of Ukraine's military intelligence",
      'head of Ukrainian military intelligence',
      'head of the Main Intelligence Directorate',
      'head of the DIU',
      'head of the HUR',
      'head of the GUR',
      'DIU chief',
      'HUR chief',
      'GUR chief',
    ],
    speaksFor: 'Ukraine Main Intelligence Directorate',
  },
  {
    // Heads the international security programme of CSIS; estimated the North's losses.
    name: 'Seth Jones',
    country: 'US',
    kind: 'person',
    aliases: ['Seth Jones', 'Seth G. Jones'],
  },
  {
    // Commander of U.S. Indo-Pacific Command, who gave the North's troop counts to Congress.
    name: 'Samuel Paparo',
    country: 'US',
    kind: 'person',
    aliases: ['Samuel Paparo', 'Sam Paparo', 'Samuel J. Paparo', 'Paparo'],
  },
  {
    // Adviser at the Russian developer Eskadra, on North Korean workers on Russian sites.
    name: 'Pavel Belentsev',
    country: 'RU',
    kind: 'person',
    aliases: ['Pavel Belentsev', 'Pavel Belenets', 'Belentsev'],
  },
  {
    // South Korea's ambassador to the United Nations.
    name: 'Hwang Joon-kook',
    country: 'KR',
    kind: 'person',
    aliases: ['Hwang Joon-kook', 'Hwang Joon-guk', 'Hwang Jun-guk', 'Hwang Jun-kook'],
  },
  {
    name: 'Andriy Yusov',
    country: 'UA',
    kind: 'person',
    aliases: ['Andriy Yusov', 'Andrii Yusov', 'Yusov'],
    speaksFor: 'Ukraine Main Intelligence Directorate',
  },
  {
    name: 'Rustem Umerov',
    country: 'UA',
    kind: 'person',
    aliases: ['Rustem Umerov', 'Umerov'],
    speaksFor: 'Ukraine Ministry of Defense',
    office: ['defense minister', 'defence minister', 'defense chief', 'defence chief'],
  },
  {
    name: 'Andrii Sybiha',
    country: 'UA',
    kind: 'person',
    aliases: ['Sybiha', 'Andrii Sybiha', 'Andriy Sybiha'],
    speaksFor: 'Ukraine Ministry of Foreign Affairs',
  },
  {
    name: 'Ukraine Main Intelligence Directorate',
    country: 'UA',
    kind: 'body',
    aliases: [
      'HUR',
      'GUR',
      'Main Intelligence Directorate',
      'Main Directorate of Intelligence',
      // "The Main Military Intelligence Department of the Armed Forces of Ukraine claims …"
      'Main Military Intelligence Department',
      'Main Military Intelligence Directorate',
      'Defence Intelligence of Ukraine',
      'Defense Intelligence of Ukraine',
      "Ukraine's Defense Intelligence",
      "Ukraine's Defence Intelligence",
      "Ukraine's military intelligence",
      'Ukrainian military intelligence',
      'Ukraine military intelligence',
      'Defense Intelligence Directorate of Ukraine',
      'Defence Intelligence Directorate of Ukraine',
      "Ukraine's Main Intelligence Directorate",
      'Main Intelligence Directorate of Ukraine',
      "Ukraine's Defence Intelligence Directorate",
      "Ukraine's Defense Intelligence Directorate",
      'Ukrainian Defense Intelligence',
      'Ukrainian Defence Intelligence',
      "Kyiv's military intelligence",
      "Ukraine's military intelligence service",
      "Ukraine's military intelligence agency",
      'Ukrainian military intelligence agency',
      'Ukrainian military intelligence service',
      'DIU',
      "Main Intelligence Directorate of Ukraine's Ministry of Defense",
      "Main Intelligence Directorate of Ukraine's Ministry of Defence",
      'Main Intelligence Directorate of the Ministry of Defence of Ukraine',
      'Main Intelligence Directorate of the Ministry of Defense of Ukraine',
    ],
  },
  {
    name: 'Ukrainian intelligence',
    country: 'UA',
    kind: 'body',
    aliases: [
      'Ukrainian intelligence',
      "Ukraine's intelligence",
      "Kyiv's intelligence",
      'Ukrainian intelligence services',
      'Ukrainian intelligence service',
      'Ukrainian intelligence network',
      "Ukraine's intelligence network",
      "Kyiv's intelligence network",
    ],
    speaksFor: 'Ukraine Main Intelligence Directorate',
  },
  {
    name: 'Ukraine General Staff',
    country: 'UA',
    kind: 'body',
    aliases: [
      'General Staff of the Armed Forces of Ukraine',
      "Ukraine's General Staff",
      'Ukrainian General Staff',
      'Ukraine General Staff',
      'General Staff of Ukraine',
      'General Staff of the Ukrainian Armed Forces',
      "Ukraine's military",
      'Ukrainian military',
      "Ukraine's armed forces",
      'Ukrainian armed forces',
      'Armed Forces of Ukraine',
      "Ukraine's army",
      'Ukrainian army',
      "Kyiv's General Staff",
    ],
  },
  {
    name: 'Ukraine Special Operations Forces',
    country: 'UA',
    kind: 'body',
    aliases: [
      'SSO',
      "Ukraine's Special Operations Forces",
      'Special Operations Forces',
      "Ukraine's special forces",
      'Ukrainian special forces',
      'Ukrainian Special Operations Forces',
      "Ukraine's special operations unit",
      'Ukrainian special operations unit',
      // Its numbered regiments report their own strikes ("the 8th Special Operations Regiment").
      'Special Operations Regiment',
    ],
  },
  {
    name: 'Ukraine Security Service',
    country: 'UA',
    kind: 'body',
    aliases: [
      'SBU',
      'Security Service of Ukraine',
      "Ukraine's Security Service",
      'Ukrainian Security Service',
    ],
  },
  {
    name: 'Ukraine Foreign Intelligence Service',
    country: 'UA',
    kind: 'body',
    aliases: [
      'Foreign Intelligence Service of Ukraine',
      "Ukraine's Foreign Intelligence Service",
      'Ukrainian Foreign Intelligence Service',
      'SZRU',
      'FISU',
    ],
  },
  {
    name: 'Ukraine Ministry of Defense',
    country: 'UA',
    kind: 'body',
    aliases: [
      "Ukraine's Defense Ministry",
      "Ukraine's Defence Ministry",
      'Ukrainian Defense Ministry',
      'Ukrainian Defence Ministry',
      'Ministry of Defense of Ukraine',
      'Ministry of Defence of Ukraine',
      "Ukraine's Ministry of Defence",
      "Ukraine's Ministry of Defense",
      'Ukrainian Ministry of Defence',
      'Ukrainian Ministry of Defense',
      "Ukraine's defence minister",
      "Ukraine's defense minister",
      'Ukrainian defence minister',
      'Ukrainian defense minister',
    ],
  },
  {
    name: 'Ukraine State Border Guard Service',
    country: 'UA',
    kind: 'body',
    aliases: [
      'State Border Guard Service',
      'State Border Guard Service of Ukraine',
      "Ukraine's border service",
      "Ukraine's border guard service",
      "Ukraine's State Border Guard Service",
      'Ukrainian border guards',
      'Ukrainian border guard service',
      'Ukrainian border service',
    ],
  },
  {
    name: 'Vadym Skibitskyi',
    country: 'UA',
    kind: 'person',
    aliases: ['Vadym Skibitskyi', 'Vadym Skibitsky', 'Skibitskyi', 'Skibitsky'],
    speaksFor: 'Ukraine Main Intelligence Directorate',
  },
  {
    name: 'Andriy Kovalenko',
    country: 'UA',
    kind: 'person',
    aliases: ['Andriy Kovalenko', 'Andrii Kovalenko'],
    speaksFor: 'Ukraine Center for Countering Disinformation',
  },
  {
    name: 'Ukraine',
    country: 'UA',
    kind: 'country',
    aliases: [
      'Ukraine',
      'Kyiv',
      'Kiev',
      'Ukrainian officials',
      'Ukrainian authorities',
      'Ukrainian government',
      "Ukraine's government",
      'Kyiv officials',
    ],
  },
  {
    name: 'South Korea Joint Chiefs of Staff',
    country: 'KR',
    kind: 'body',
    aliases: [
      'JCS',
      'Joint Chiefs of Staff',
      // "and the Joint Chiefs assessed …", as Seoul stories shorten it.
      'Joint Chiefs',
      "South Korea's Joint Chiefs of Staff",
      'South Korean Joint Chiefs of Staff',
      "South Korea's Joint Chiefs",
      "South Korea's military",
      'South Korean military',
      "Seoul's military",
      "Seoul's Joint Chiefs of Staff",
      'South Korean army',
      "South Korea's army",
      "South Korea's armed forces",
      'South Korean armed forces',
    ],
  },
  {
    // The NIS's own research institute: stories call it the spy agency's think tank.
    name: 'Institute for National Security Strategy',
    country: 'KR',
    kind: 'body',
    aliases: [
      'Institute for National Security Strategy',
      'INSS',
      'NIS think tank',
      "NIS's think tank",
      'NIS-affiliated think tank',
      'NIS-run think tank',
      "spy agency's think tank",
      // A translation some outlets give its Korean name (국가안보전략연구원).
      'National Strategy Institute',
    ],
  },
  {
    name: 'South Korea National Intelligence Service',
    country: 'KR',
    kind: 'body',
    aliases: [
      'NIS',
      'National Intelligence Service',
      "Seoul's spy agency",
      "South Korea's spy agency",
      // The agency's director, briefing lawmakers for it.
      "South Korea's spy chief",
      'South Korean spy chief',
      "Seoul's spy chief",
      'South Korean spy agency',
      "Seoul's intelligence agency",
      "South Korea's intelligence agency",
      'South Korean intelligence agency',
      "South Korea's National Intelligence Service",
      'South Korean National Intelligence Service',
      "Seoul's National Intelligence Service",
      'National Intelligence Service of South Korea',
      'South Korean spy service',
      "Seoul's spy service",
      "South Korea's spy service",
      "South Korea's intelligence service",
      'South Korean intelligence service',
      "Seoul's intelligence service",
      "South Korea's main spy agency",
      "South Korea's top spy agency",
      "Seoul's main spy agency",
    ],
  },
  {
    name: 'South Korean intelligence',
    country: 'KR',
    kind: 'body',
    aliases: [
      'South Korean intelligence',
      "South Korea's intelligence",
      "Seoul's intelligence",
      'South Korean intelligence services',
    ],
    speaksFor: 'South Korea National Intelligence Service',
  },
  {
    name: 'South Korean military intelligence',
    country: 'KR',
    kind: 'body',
    aliases: [
      'South Korean military intelligence',
      "South Korea's military intelligence",
      "South Korea's military intelligence service",
      'South Korean military intelligence service',
      "South Korea's military intelligence agency",
      'South Korean military intelligence agency',
      // Seoul's own Defense Intelligence Agency (later Command), under the defence ministry.
      "South Korea's Defense Intelligence Agency",
      'South Korean Defense Intelligence Agency',
      "South Korea's Defense Intelligence Command",
      'South Korean Defense Intelligence Command',
      'Korea Defense Intelligence Command',
    ],
  },
  {
    name: 'South Korea Ministry of National Defense',
    country: 'KR',
    kind: 'body',
    aliases: [
      "South Korea's Defense Ministry",
      'South Korean Defense Ministry',
      "Seoul's Defense Ministry",
      'Ministry of National Defense',
      "South Korea's defence ministry",
      // "The South's defense ministry": the South is South Korea wherever the North is named.
      "the South's defense ministry",
      "the South's defence ministry",
      // The minister unnamed: the office changes hands, the ministry stays.
      "South Korea's defense minister",
      "South Korea's defence minister",
      'South Korean defense minister',
      'South Korean defence minister',
      "Seoul's defense minister",
      "Seoul's defence ministry",
      'South Korean defence ministry',
      'South Korean Ministry of Defense',
      'South Korean Ministry of Defence',
      'South Korean Ministry of National Defense',
      "South Korea's Ministry of Defense",
      "South Korea's Ministry of Defence",
      "South Korea's Ministry of National Defense",
      "Seoul's defence minister",
      "South Korea's defense chief",
      "South Korea's defence chief",
      'South Korean defense chief',
      'South Korean defence chief',
    ],
  },
  {
    name: 'Lee Sung-kwon',
    country: 'KR',
    kind: 'person',
    aliases: [
      'Lee Sung-kwon',
      'Lee Seong-kweun',
      'Lee Seong-kwon',
      'Lee Sung-kweun',
      'Lee Sungkwon',
      'Lee Seong-kwun',
      'Lee Seong Kweun',
      'Lee Sung Kwon',
    ],
    relays: 'South Korea National Intelligence Service',
  },
  {
    name: 'Gyeore-eol Nation United',
    country: 'KR',
    kind: 'body',
    aliases: ['Gyeore-eol Nation United', 'Gyeore-eol'],
  },
  {
    // Heads the defectors' group that met the two prisoners Ukraine holds; stories credit the
    // group when they name it.
    name: 'Jang Se-yul',
    country: 'KR',
    kind: 'person',
    aliases: ['Jang Se-yul', 'Chang Se-yul', 'Jang Se-yool'],
    relays: 'Gyeore-eol Nation United',
  },
  {
    name: 'Park Sun-won',
    country: 'KR',
    kind: 'person',
    aliases: ['Park Sun-won', 'Park Seon-won', 'Park Sunwon', 'Park Sun Won'],
    relays: 'South Korea National Intelligence Service',
  },
  {
    // A lawmaker of the defence committee, quoted on dispatches; spelt many ways.
    name: 'Yu Yong-weon',
    country: 'KR',
    kind: 'person',
    aliases: [
      'Yu Yong-weon',
      'Yoo Yong-weon',
      'Yu Yong-won',
      'Yoo Yong-won',
      'Yoo Yon-won',
      'Yu Yong Weon',
      'Yoo Yong Won',
    ],
  },
  {
    name: 'Kim Yong-hyun',
    country: 'KR',
    kind: 'person',
    aliases: ['Kim Yong-hyun', 'Kim Yong Hyun'],
    speaksFor: 'South Korea Ministry of National Defense',
    office: ['defense minister', 'defence minister', 'defense chief', 'defence chief'],
  },
  {
    name: 'Shin Won-sik',
    country: 'KR',
    kind: 'person',
    aliases: ['Shin Won-sik', 'Shin Won Sik', 'Shin Wonsik'],
    speaksFor: 'South Korea Ministry of National Defense',
    office: ['defense minister', 'defence minister', 'defense chief', 'defence chief'],
  },
  {
    name: 'Cho Tae-yong',
    country: 'KR',
    kind: 'person',
    aliases: ['Cho Tae-yong', 'Cho Tae Yong'],
    speaksFor: 'South Korea National Intelligence Service',
  },
  {
    name: 'Yoon Suk Yeol',
    country: 'KR',
    kind: 'person',
    aliases: [
      'Yoon Suk Yeol',
      'Yoon Suk-yeol',
      'President Yoon',
      'President Yoon Suk Yeol',
      'President Yoon Suk-yeol',
    ],
  },
  {
    name: 'Yonhap',
    country: 'KR',
    kind: 'media',
    aliases: ['Yonhap', 'Yonhap News Agency'],
  },

  {
    name: 'NHK',
    country: 'JP',
    kind: 'media',
    aliases: ['NHK', 'Japan Broadcasting Corporation'],
  },
  {
    name: 'South Korea',
    country: 'KR',
    kind: 'country',
    aliases: [
      'South Korea',
      'Seoul',
      'South Korean officials',
      'South Korean authorities',
      'South Korean government',
      "South Korea's government",
      'Seoul officials',
      'S. Korea',
    ],
  },
  {
    name: 'Pentagon',
    country: 'US',
    kind: 'body',
    aliases: [
      'Pentagon',
      'U.S. Department of Defense',
      'US Department of Defense',
      'Department of Defense',
      'Defense Department',
      'U.S. Defense Department',
      'US Defense Department',
      'DoD',
      'DOD',
      'Department of Defence',
      'U.S. Department of Defence',
      'US Department of Defence',
      'US Defence Department',
      'U.S. Defence Department',
      'US defence department',
    ],
  },
  {
    name: 'Patrick Ryder',
    country: 'US',
    kind: 'person',
    aliases: ['Patrick Ryder', 'Ryder'],
    speaksFor: 'Pentagon',
  },
  {
    name: 'Sabrina Singh',
    country: 'US',
    kind: 'person',
    aliases: ['Sabrina Singh'],
    speaksFor: 'Pentagon',
  },
  {
    name: 'John Kirby',
    country: 'US',
    kind: 'person',
    aliases: ['John Kirby', 'Kirby'],
    speaksFor: 'White House',
  },
  {
    name: 'Antony Blinken',
    country: 'US',
    kind: 'person',
    aliases: ['Antony Blinken', 'Blinken'],
    speaksFor: 'U.S. State Department',
  },
  {
    name: 'Lloyd Austin',
    country: 'US',
    kind: 'person',
    aliases: ['Lloyd Austin'],
    speaksFor: 'Pentagon',
    office: ['defense secretary', 'secretary of defense', 'defence secretary'],
  },
  {
    name: 'U.S. State Department',
    country: 'US',
    kind: 'body',
    aliases: [
      'State Department',
      'U.S. State Department',
      'US State Department',
      'Department of State',
      'U.S. Department of State',
      'US Department of State',
      'State Dept',
      'U.S. Secretary of State',
      'US Secretary of State',
    ],
  },
  {
    name: 'White House',
    country: 'US',
    kind: 'body',
    aliases: [
      'White House',
      'National Security Council',
      'White House National Security Council',
      'NSC',
    ],
  },
  {
    name: 'U.S. intelligence',
    country: 'US',
    kind: 'body',
    aliases: ['U.S. intelligence', 'US intelligence', 'American intelligence'],
  },
  {
    name: 'Institute for the Study of War',
    country: 'US',
    kind: 'body',
    aliases: ['Institute for the Study of War', 'ISW'],
  },
  {
    // Run by Ukraine's Special Operations Forces.
    name: 'National Resistance Center',
    country: 'UA',
    kind: 'body',
    aliases: [
      'National Resistance Center',
      'National Resistance Centre',
      'Center of National Resistance',
      'Centre of National Resistance',
      'Center for National Resistance',
    ],
  },
  {
    name: 'Friedrich Naumann Foundation',
    country: 'DE',
    kind: 'body',
    aliases: [
      'Friedrich Naumann Foundation',
      'Naumann Foundation',
      'Friedrich-Naumann-Stiftung',
      'Naumann-Stiftung',
    ],
  },
  {
    name: 'The Washington Post',
    country: 'US',
    kind: 'media',
    aliases: ['The Washington Post', 'Washington Post'],
  },
  {
    name: 'The New York Times',
    country: 'US',
    kind: 'media',
    aliases: ['The New York Times', 'New York Times', 'NYT'],
  },
  {
    name: 'United States',
    country: 'US',
    kind: 'country',
    aliases: [
      'United States',
      'Washington',
      // A president's administration is the government, not the president.
      'Biden administration',
      'Trump administration',
      'U.S. administration',
      'US administration',
      'American administration',
      'U.S. officials',
      'US officials',
      'American officials',
      'U.S. government',
      'US government',
      'American authorities',
      'U.S. authorities',
      'U.S.',
      'US',
      'USA',
    ],
  },
  {
    name: 'UK Foreign Office',
    country: 'GB',
    kind: 'body',
    aliases: [
      'UK Foreign Office',
      'British Foreign Office',
      "Britain's Foreign Office",
      'Foreign Office',
      'Foreign, Commonwealth and Development Office',
      'Foreign, Commonwealth & Development Office',
      'FCDO',
      'UK Foreign Ministry',
      'British Foreign Ministry',
      "Britain's Foreign Ministry",
    ],
  },
  {
    name: 'UK Ministry of Defence',
    country: 'GB',
    kind: 'body',
    aliases: [
      'UK Ministry of Defence',
      "Britain's Ministry of Defence",
      'British Ministry of Defence',
      'UK Defence Ministry',
      "Britain's Defence Ministry",
      'British Defence Ministry',
      'British defence ministry',
      'UK Defence Intelligence',
      'British Defence Intelligence',
      'British military intelligence',
      'British intelligence',
      'UK intelligence',
      'British intel',
      'UK intel',
      'UK MoD',
      'UK Ministry of Defense',
      "Britain's Ministry of Defense",
      'British Ministry of Defense',
      'UK Defense Ministry',
      "Britain's defense ministry",
      'British defense ministry',
      'UK Defense Intelligence',
      'British Defense Intelligence',
      "UK's Ministry of Defence",
      "UK's Ministry of Defense",
      "UK's Defence Intelligence",
      "Britain's Defence Intelligence",
      'UK MOD',
      "UK's defence ministry",
      'U.K. Defense Ministry',
      'U.K. Defence Ministry',
      'U.K. Ministry of Defence',
      'U.K. Ministry of Defense',
      'U.K. Defence Intelligence',
      'U.K. Defense Intelligence',
      'U.K. intelligence',
      'UK defence secretary',
      'British defence secretary',
      "Britain's defence secretary",
    ],
  },
  {
    name: 'United Kingdom',
    country: 'GB',
    kind: 'country',
    aliases: ['United Kingdom', 'Britain', 'Great Britain', 'U.K.'],
  },
  {
    name: 'Pete Hegseth',
    country: 'US',
    kind: 'person',
    aliases: ['Pete Hegseth', 'Hegseth'],
    speaksFor: 'Pentagon',
    office: [
      'defense secretary',
      'secretary of defense',
      'defence secretary',
      'war secretary',
      'secretary of war',
    ],
  },
  {
    name: 'Marco Rubio',
    country: 'US',
    kind: 'person',
    aliases: ['Marco Rubio', 'Rubio'],
    speaksFor: 'U.S. State Department',
  },
  {
    name: 'NATO',
    country: null,
    kind: 'body',
    aliases: [
      'NATO',
      'North Atlantic Treaty Organization',
      'NATO chief',
      'NATO Secretary General',
      'NATO Secretary-General',
      'NATO secretary general',
      "NATO's secretary general",
      "NATO's secretary-general",
      "NATO's chief",
      'North Atlantic Alliance',
    ],
  },
  {
    name: 'Mark Rutte',
    country: null,
    kind: 'person',
    aliases: ['Mark Rutte', 'Rutte'],
    speaksFor: 'NATO',
  },
  {
    name: 'Valery Gerasimov',
    country: 'RU',
    kind: 'person',
    aliases: ['Valery Gerasimov', 'Valeriy Gerasimov', 'Gerasimov'],
  },
  {
    name: 'Kremlin',
    country: 'RU',
    kind: 'body',
    aliases: ['Kremlin', 'Kremlin spokesman', 'Kremlin spokesperson'],
  },
  {
    name: 'Dmitry Peskov',
    country: 'RU',
    kind: 'person',
    aliases: ['Dmitry Peskov', 'Dmitri Peskov', 'Peskov'],
    speaksFor: 'Kremlin',
  },
  {
    name: 'Sergei Shoigu',
    country: 'RU',
    kind: 'person',
    aliases: [
      'Sergei Shoigu',
      'Sergey Shoigu',
      'Shoigu',
      'Sergei Shoygu',
      'Sergey Shoygu',
      'Shoygu',
    ],
    office: [
      'secretary of the security council',
      'security council secretary',
      // "Russia's top security official", as stories called him after 2024.
      'top security official',
      'senior security official',
      'security chief',
    ],
  },
  {
    name: 'Andrei Belousov',
    country: 'RU',
    kind: 'person',
    aliases: ['Andrei Belousov', 'Andrey Belousov', 'Belousov'],
    speaksFor: 'Russia Ministry of Defense',
  },
  {
    name: 'Vladimir Putin',
    country: 'RU',
    kind: 'person',
    aliases: ['Vladimir Putin', 'Putin'],
  },
  {
    name: 'Russia Ministry of Defense',
    country: 'RU',
    kind: 'body',
    aliases: [
      'Russian Defense Ministry',
      'Russian Defence Ministry',
      "Russia's Defense Ministry",
      "Russia's Defence Ministry",
      'Russian Ministry of Defense',
      "Russia's Ministry of Defense",
    ],
  },
  {
    name: 'Russia',
    country: 'RU',
    kind: 'country',
    aliases: ['Russia', 'Moscow', 'Russian officials', 'Russian authorities'],
  },
  {
    name: 'TASS',
    country: 'RU',
    kind: 'media',
    aliases: ['TASS', 'TASS news agency', 'Tass'],
  },
  {
    name: 'KCNA',
    country: 'KP',
    kind: 'media',
    aliases: ['KCNA', 'Korean Central News Agency'],
  },
  {
    // The North's state television, which first showed the dead of Kursk (101 portraits).
    name: 'Korean Central Television',
    country: 'KP',
    kind: 'media',
    aliases: ['Korean Central Television', 'KCTV', 'Korean Central TV'],
  },
  {
    name: 'Kim Jong Un',
    country: 'KP',
    kind: 'person',
    aliases: ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un'],
  },
  {
    name: 'North Korea',
    country: 'KP',
    kind: 'country',
    aliases: ['North Korea', 'Pyongyang', 'DPRK'],
  },
  // People and bodies added after reading real coverage (2024–2025); speaksFor links a person
  // to the body whose figures they give.
  {
    name: 'Yoo Sang-bum',
    country: 'KR',
    kind: 'person',
    aliases: ['Yoo Sang-bum', 'Yoo Sang Bum', 'Yu Sang-bum', 'Yoo Sang-beom'],
    relays: 'South Korea National Intelligence Service',
  },
  {
    name: 'Kim Byung-kee',
    country: 'KR',
    kind: 'person',
    aliases: ['Kim Byung-kee', 'Kim Byung-ki', 'Kim Byung Kee', 'Kim Byeong-gi'],
    relays: 'South Korea National Intelligence Service',
  },
  {
    name: 'Lee Jae-myung',
    country: 'KR',
    kind: 'person',
    aliases: ['Lee Jae-myung', 'Lee Jae Myung', 'President Lee Jae-myung'],
  },
  {
    name: 'Ahn Gyu-back',
    country: 'KR',
    kind: 'person',
    aliases: ['Ahn Gyu-back', 'Ahn Gyu Back', 'Ahn Kyu-back', 'Ahn Gyu-baek'],
    speaksFor: 'South Korea Ministry of National Defense',
  },
  {
    name: 'Wi Sung-lac',
    country: 'KR',
    kind: 'person',
    aliases: ['Wi Sung-lac', 'Wi Sung Lac', 'Wi Seong-rak'],
  },
  {
    name: 'South Korea Ministry of Unification',
    country: 'KR',
    kind: 'body',
    aliases: [
      'Unification Ministry',
      'Ministry of Unification',
      "South Korea's Unification Ministry",
      "Seoul's Unification Ministry",
    ],
  },
  {
    name: 'Robert Wood',
    country: 'US',
    kind: 'person',
    aliases: ['Robert Wood'],
  },
  {
    name: 'Julianne Smith',
    country: 'US',
    kind: 'person',
    aliases: ['Julianne Smith'],
  },
  {
    name: 'Linda Thomas-Greenfield',
    country: 'US',
    kind: 'person',
    aliases: ['Linda Thomas-Greenfield', 'Thomas-Greenfield'],
  },
  {
    name: 'Matthew Miller',
    country: 'US',
    kind: 'person',
    aliases: ['Matthew Miller'],
    speaksFor: 'U.S. State Department',
  },
  {
    name: 'Vedant Patel',
    country: 'US',
    kind: 'person',
    aliases: ['Vedant Patel'],
    speaksFor: 'U.S. State Department',
  },
  {
    name: 'Jake Sullivan',
    country: 'US',
    kind: 'person',
    aliases: ['Jake Sullivan'],
    speaksFor: 'White House',
  },
  {
    name: 'Karine Jean-Pierre',
    country: 'US',
    kind: 'person',
    aliases: ['Karine Jean-Pierre', 'Jean-Pierre'],
    speaksFor: 'White House',
  },
  {
    name: 'Joe Biden',
    country: 'US',
    kind: 'person',
    aliases: ['Joe Biden', 'President Biden', 'Biden'],
  },
  {
    name: 'Donald Trump',
    country: 'US',
    kind: 'person',
    aliases: ['Donald Trump', 'President Trump', 'Trump'],
  },
  {
    name: 'Mike Waltz',
    country: 'US',
    kind: 'person',
    aliases: ['Mike Waltz'],
    speaksFor: 'White House',
  },
  {
    name: 'CIA',
    country: 'US',
    kind: 'body',
    aliases: ['CIA', 'Central Intelligence Agency'],
  },
  {
    name: 'U.S. Defense Intelligence Agency',
    country: 'US',
    kind: 'body',
    aliases: ['U.S. Defense Intelligence Agency', 'US Defense Intelligence Agency'],
  },
  {
    name: 'George Barros',
    country: 'US',
    kind: 'person',
    aliases: ['George Barros'],
    speaksFor: 'Institute for the Study of War',
  },
  {
    name: 'Center for Strategic and International Studies',
    country: 'US',
    kind: 'body',
    aliases: ['Center for Strategic and International Studies', 'CSIS'],
  },
  {
    name: 'Frank Gardner',
    country: 'GB',
    kind: 'person',
    aliases: ['Frank Gardner'],
  },
  {
    name: 'John Healey',
    country: 'GB',
    kind: 'person',
    aliases: ['John Healey', 'Healey'],
    speaksFor: 'UK Ministry of Defence',
  },
  {
    name: 'Royal United Services Institute',
    country: 'GB',
    kind: 'body',
    aliases: ['Royal United Services Institute', 'RUSI'],
  },
  {
    name: 'Jens Stoltenberg',
    country: null,
    kind: 'person',
    aliases: ['Jens Stoltenberg', 'Stoltenberg'],
    speaksFor: 'NATO',
  },
  {
    name: 'Farah Dakhlallah',
    country: null,
    kind: 'person',
    aliases: ['Farah Dakhlallah'],
    speaksFor: 'NATO',
  },
  {
    name: 'Western officials',
    country: null,
    kind: 'body',
    aliases: ['Western officials', 'Western government officials', 'Western defence officials'],
  },
  {
    name: 'Western media',
    country: null,
    kind: 'media',
    aliases: ['Western media', 'Western news media', 'Western press'],
  },
  {
    name: 'Western sources',
    country: null,
    kind: 'body',
    aliases: ['Western sources', 'Western government sources'],
  },
  {
    name: 'Western intelligence',
    country: null,
    kind: 'body',
    aliases: [
      'Western intelligence',
      'Western intelligence agencies',
      'Western intelligence services',
    ],
  },
  {
    name: 'Global Defense Corporation',
    country: null,
    kind: 'body',
    aliases: ['Global Defense Corporation', 'Global Defence Corporation'],
  },
  {
    name: 'European Union',
    country: null,
    kind: 'body',
    aliases: ['European Union', 'EU'],
  },
  {
    name: 'Kaja Kallas',
    country: null,
    kind: 'person',
    aliases: ['Kaja Kallas', 'Kallas'],
    speaksFor: 'European Union',
  },
  {
    name: 'Multilateral Sanctions Monitoring Team',
    country: null,
    kind: 'body',
    // "Multinational" is a common slip for "Multilateral".
    aliases: [
      'Multilateral Sanctions Monitoring Team',
      'Multinational Sanctions Monitoring Team',
      'MSMT',
    ],
  },
  {
    name: 'South Korea Ministry of Foreign Affairs',
    country: 'KR',
    kind: 'body',
    aliases: [
      "South Korea's Foreign Ministry",
      'South Korean Foreign Ministry',
      "Seoul's Foreign Ministry",
      "South Korea's Ministry of Foreign Affairs",
      'Ministry of Foreign Affairs of South Korea',
      'Ministry of Foreign Affairs of the Republic of Korea',
    ],
  },
  {
    name: 'Cho Tae-yul',
    country: 'KR',
    kind: 'person',
    aliases: ['Cho Tae-yul', 'Cho Tae Yul', 'Cho Tae-yool'],
    speaksFor: 'South Korea Ministry of Foreign Affairs',
  },
  {
    name: 'Cho Hyun',
    country: 'KR',
    kind: 'person',
    aliases: ['Cho Hyun'],
    speaksFor: 'South Korea Ministry of Foreign Affairs',
  },
  {
    // Ukraine's ambassador to South Korea, the usual voice on the North Korean prisoners.
    name: 'Dmytro Ponomarenko',
    country: 'UA',
    kind: 'person',
    aliases: ['Dmytro Ponomarenko', 'Dmitry Ponomarenko', 'Ponomarenko'],
    office: ['ambassador'],
  },
  {
    name: 'Ukraine Ministry of Foreign Affairs',
    country: 'UA',
    kind: 'body',
    aliases: [
      "Ukraine's Foreign Ministry",
      'Ukrainian Foreign Ministry',
      'Ministry of Foreign Affairs of Ukraine',
      "Ukraine's Ministry of Foreign Affairs",
    ],
  },
  {
    name: 'Ukraine Center for Countering Disinformation',
    country: 'UA',
    kind: 'body',
    aliases: [
      'Center for Countering Disinformation',
      'Centre for Countering Disinformation',
      "Ukraine's Center for Countering Disinformation",
      "Ukraine's Centre for Countering Disinformation",
    ],
  },
  {
    name: 'Andriy Chernyak',
    country: 'UA',
    kind: 'person',
    aliases: ['Andriy Chernyak', 'Andrii Cherniak', 'Andriy Cherniak', 'Andrii Chernyak'],
  },
  {
    name: 'Anatoliy Barhylevych',
    country: 'UA',
    kind: 'person',
    aliases: ['Anatoliy Barhylevych', 'Anatolii Barhylevych', 'Barhylevych'],
  },
  {
    // Heads the Lithuanian aid group Blue/Yellow, which passes on what Ukraine's units report.
    name: 'Jonas Öhman',
    country: 'LT',
    kind: 'person',
    aliases: ['Jonas Öhman', 'Jonas Ohman', 'Öhman'],
  },
  {
    // South Korea's rights watchdog, which speaks for the two prisoners Ukraine holds.
    name: 'National Human Rights Commission of Korea',
    country: 'KR',
    kind: 'body',
    aliases: [
      'National Human Rights Commission of Korea',
      'National Human Rights Commission',
      'NHRCK',
      "South Korea's human rights commission",
    ],
  },
  {
    name: 'Serhiy Kyslytsya',
    country: 'UA',
    kind: 'person',
    aliases: ['Serhiy Kyslytsya', 'Sergiy Kyslytsya', 'Kyslytsya'],
  },
  {
    name: 'Pavlo Palisa',
    country: 'UA',
    kind: 'person',
    aliases: ['Pavlo Palisa', 'Palisa'],
  },
  {
    name: 'Sergei Lavrov',
    country: 'RU',
    kind: 'person',
    aliases: ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov'],
  },
  {
    name: 'Apti Alaudinov',
    country: 'RU',
    kind: 'person',
    aliases: ['Apti Alaudinov', 'Alaudinov'],
  },
  {
    name: 'Kim Yo Jong',
    country: 'KP',
    kind: 'person',
    aliases: ['Kim Yo Jong', 'Kim Yo-jong'],
  },
  {
    name: 'Choe Son Hui',
    country: 'KP',
    kind: 'person',
    aliases: ['Choe Son Hui', 'Choe Son-hui'],
  },
  // Outlets and research groups that stories name in many spellings ("Japan's Kyodo news
  // agency", "Russia's RIA Novosti", "the Stimson Center's 38 North"): one name each.
  {
    name: 'Kyodo',
    country: 'JP',
    kind: 'media',
    aliases: ['Kyodo', 'Kyodo News', 'Kyodo news agency'],
  },
  {
    name: 'RIA Novosti',
    country: 'RU',
    kind: 'media',
    aliases: ['RIA Novosti', 'RIA Novosti news agency'],
  },
  { name: 'Interfax', country: 'RU', kind: 'media', aliases: ['Interfax', 'Interfax news agency'] },
  { name: 'Ukrinform', country: 'UA', kind: 'media', aliases: ['Ukrinform'] },
  { name: 'RFI', country: 'FR', kind: 'media', aliases: ['RFI', 'Radio France Internationale'] },
  { name: 'Glavcom', country: 'UA', kind: 'media', aliases: ['Glavcom', 'Glavkom'] },
  { name: 'Ukrainska Pravda', country: 'UA', kind: 'media', aliases: ['Ukrainska Pravda'] },
  { name: 'RBC-Ukraine', country: 'UA', kind: 'media', aliases: ['RBC-Ukraine', 'RBC Ukraine'] },
  { name: 'Daily NK', country: 'KR', kind: 'media', aliases: ['Daily NK'] },
  // Kyiv's English-language papers, which stories in every language cite by name.
  {
    name: 'Kyiv Post',
    country: 'UA',
    kind: 'media',
    aliases: ['Kyiv Post', 'Kyiv Post newspaper'],
  },
  {
    name: 'The Kyiv Independent',
    country: 'UA',
    kind: 'media',
    aliases: ['The Kyiv Independent', 'Kyiv Independent'],
  },
  { name: 'Radio Free Asia', country: 'US', kind: 'media', aliases: ['Radio Free Asia'] },
  { name: '38 North', country: 'US', kind: 'body', aliases: ['38 North'] },
  // Seoul's papers and broadcasters, which foreign stories cite as "South Korea's X newspaper".
  {
    name: 'JoongAng Ilbo',
    country: 'KR',
    kind: 'media',
    aliases: ['JoongAng Ilbo', 'JoongAng Ilbo newspaper', 'Korea JoongAng Daily', 'JoongAng Daily'],
  },
  {
    name: 'Chosun Ilbo',
    country: 'KR',
    kind: 'media',
    aliases: ['Chosun Ilbo', 'Chosun Ilbo newspaper', 'The Chosun Ilbo', 'Chosun Daily'],
  },
  {
    name: 'Dong-A Ilbo',
    country: 'KR',
    kind: 'media',
    aliases: ['Dong-A Ilbo', 'Dong-a Ilbo', 'Donga Ilbo', 'Dong-A Ilbo newspaper'],
  },
  { name: 'Hankyoreh', country: 'KR', kind: 'media', aliases: ['Hankyoreh', 'The Hankyoreh'] },
  {
    name: 'Korea Herald',
    country: 'KR',
    kind: 'media',
    aliases: ['Korea Herald', 'The Korea Herald'],
  },
  {
    name: 'Korea Times',
    country: 'KR',
    kind: 'media',
    aliases: ['Korea Times', 'The Korea Times'],
  },
  { name: 'KBS', country: 'KR', kind: 'media', aliases: ['KBS', 'Korean Broadcasting System'] },
  { name: 'Newsis', country: 'KR', kind: 'media', aliases: ['Newsis'] },
  { name: 'News1', country: 'KR', kind: 'media', aliases: ['News1', 'News 1'] },
  {
    name: 'Korea Institute for Defense Analyses',
    country: 'KR',
    kind: 'body',
    aliases: ['Korea Institute for Defense Analyses', 'KIDA'],
  },
];

/** Each country's defence and foreign ministries and intelligence, by the table's names. */
const MINISTRIES: Readonly<
  Record<string, { defence?: string; foreign?: string; intelligence?: string }>
> = {
  KR: {
    defence: 'South Korea Ministry of National Defense',
    foreign: 'South Korea Ministry of Foreign Affairs',
    intelligence: 'South Korea National Intelligence Service',
  },
  UA: {
    defence: 'Ukraine Ministry of Defense',
    foreign: 'Ukraine Ministry of Foreign Affairs',
    intelligence: 'Ukrainian intelligence',
  },
  RU: { defence: 'Russia Ministry of Defense' },
  // Britain's defence intelligence publishes through its ministry (the table's one name).
  GB: {
    defence: 'UK Ministry of Defence',
    foreign: 'UK Foreign Office',
    intelligence: 'UK Ministry of Defence',
  },
  US: { defence: 'Pentagon', foreign: 'U.S. State Department', intelligence: 'U.S. intelligence' },
};

/**
 * A country's defence or foreign ministry or its intelligence: what "the ministry of defence" or
 * "its intelligence service" a story leaves bare means after it named the country ("Südkorea hat
 * … bestätigt. Das Verteidigungsministerium …", "Sein Geheimdienst hat erklärt …").
 */
export function ministryOf(
  country: string | null,
  which: 'defence' | 'foreign' | 'intelligence',
): ClaimantEntry | undefined {
  const name = country ? MINISTRIES[country]?.[which] : undefined;
  return name ? CLAIMANTS.find((e) => e.name === name) : undefined;
}

/**
 * The claimant table's names of the deal's two leaders, each with the one metric, if any,
 * whose figures he does give: they send and take the troops and arms, they do not count them
 * for the press (only North Korea's leader mourns his dead by number).
 */
export const SENDERS: ReadonlyMap<string, Metric | null> = new Map([
  ['Kim Jong Un', 'killed'],
  ['Vladimir Putin', null],
]);

/**
 * Whether a figure is credited to a leader who sends ({@link SENDERS}) for a metric he gives no
 * figures of: the credit is dropped in the end, so such an occurrence ranks as one with no
 * source, below a restatement that names one.
 */
export function creditedToSender(f: { claimant: string | null; metric: Metric }): boolean {
  return f.claimant !== null && SENDERS.has(f.claimant) && SENDERS.get(f.claimant) !== f.metric;
}

/**
 * How much an occurrence's source says, for keeping the best-attributed occurrence of a figure:
 * a body or person (4) over an outlet that relays it (3, FIGURES.md: the source over the
 * outlet), over a whole country (2), over none (0); a leader who sends counts as none. Both
 * readers rank by it; the pack reader splits the top tier by person and spokesman.
 */
export function sourceTier(
  f: { claimant: string | null; metric: Metric },
  kind: string | null,
): number {
  if (f.claimant === null || creditedToSender(f)) return 0;
  return kind === 'country' ? 2 : kind === 'media' ? 3 : 4;
}
