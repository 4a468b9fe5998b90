/**
 * Korean grammar the pack reader needs beyond the Korean pack's word lists: particles, endings
 * and clause shapes, as patterns. The reader stays one reader for every language; what only
 * Korean sentences have lives here.
 */

/** The Korean formal declarative ending ("했습니다", "입니다") with a space and more after. */
export const KO_FORMAL_END = /니다\s+(?=\S)/gu;

/** Digits of a Korean count, read sticky at a position: "2,600" of "2,600명". */
export const KO_DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?/y;

/** Korean number words that multiply what stands before them: "3만" is 30,000. */
export const KO_MULT: Record<string, number> = { 십: 10, 백: 100, 천: 1000, 만: 1e4, 억: 1e8 };

/** Punctuation that ends a Korean phrase: a count and its noun never reach across it. */
export const KO_BOUNDARY = /[,.!?;:"“”'‘’()[\]…·]/u;

/** Words between a Korean noun and its count that say nothing of what is counted ("약", "총"). */
export const KO_SKIP_WORD = /^(?:약|최대|최소|총|무려|대략|모두|등|및|또|추가|추가로|새로|더)$/u;

/** A calibre ("170㎜"): a measure of the gun, never a count. */
export const KO_CALIBRE = /^\d+(?:\.\d+)?(?:㎜|mm|밀리|㎝|cm)/iu;

/** Native Korean numerals before 명 ("두 명": two people). */
export const KO_NATIVE = /(?<![\p{L}])(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?=명)/gu;

/** A Korean order: "파견하라고 지시했다", "보내도록 명령했다". */
export const KO_ORDER = /(?:하?라고|도록|하라는)\s?(?:지시|명령)/u;

/** A Korean line that points back at what was said: "이는 …의 결과다", "이 같은 내용은 …". */
export const KO_THIS_IS = /^[\s"“]*(?:이는|이\s?같은\s?내용은|이런\s?내용은)\s/u;

/** A broadcast's speaker caption on a line of its own: "[이름 / 직함 (날짜)]". */
export const KO_SPEAKER_CAPTION = /^\s*\[[^\]/:]+\/[^\]:]+\]\s*$/u;

/** A Korean line that reports what the line before said: "이런 내용을 보고했다", "이 같이 밝혔다". */
export const KO_THIS_CONTENT =
  /(?:이런|이러한|이\s?같은|이와\s?같은)\s?(?:내용|사실|가능성|주장|분석|평가|전망)(?:을|를)\s|이\s?같이\s(?:밝혔|말했|전했|보고했)/u;

/** A Korean line that ends on a finding ("…의 결과다", "…한 내용이다"), not a comparison. */
export const KO_FINDING_END =
  /(?:결과|내용|분석|설명|주장|발표|평가|전망|추정|추산)(?:이)?다[.\s"”']*$/u;

/** A Korean line that turns to a new topic: "한편 북한은 …" (meanwhile). */
export const KO_NEW_TOPIC = /^[\s"“]*한편[\s,]/u;

/** A country's Korean name, by the claimant table's name for it. */
export const KO_COUNTRIES: Readonly<Record<string, string>> = {
  우크라이나: 'Ukraine',
  미국: 'United States',
  한국: 'South Korea',
  영국: 'United Kingdom',
  러시아: 'Russia',
  북한: 'North Korea',
};

/**
 * "우크라이나 현지매체는 정보당국을 인용해 …": the intelligence a foreign outlet cites is its own
 * country's, not Seoul's ("정보당국" alone is Seoul's in Korean news).
 */
export const KO_FOREIGN_OUTLET_CITES_INTEL = new RegExp(
  `(${Object.keys(KO_COUNTRIES)
    .filter((k) => k !== '한국' && k !== '북한')
    .join(
      '|',
    )})\\s?(?:현지\\s?)?(?:매체|언론|방송|신문)\\S*\\s+(?:\\S+\\s+){0,3}?정보\\s?당국(?:을|를)\\s?인용`,
  'u',
);

/**
 * "…보낼 것이라고 우크라이나가 14일 밝혔다": a country named bare (no "정부", no body) as the
 * subject of the verb of saying that closes the reported clause. The pack lists no bare country
 * as a name, since Korean lines name countries everywhere as actors and places.
 */
export const KO_COUNTRY_SAYS = new RegExp(
  `(?:다|라)고\\s+(${Object.keys(KO_COUNTRIES).join('|')})(?:이|가|은|는|도)\\s+(?:[^\\s.]+\\s+){0,3}?(?:밝혔|발표했|주장했|전했|추산했|추정했|말했|확인했)`,
  'u',
);

/**
 * "우크라이나가 … 북한군 2명을 생포했다며 영상을 공개했다": a country (not one of the two sides)
 * opening the line as its subject, whose clause ends in "-다고"/"-다며" before its own verb of
 * saying (no other subject between), tells what it did.
 */
export const KO_COUNTRY_OPENS_SAYS = new RegExp(
  `^[\\s"“]*(${Object.keys(KO_COUNTRIES)
    .filter((k) => KO_COUNTRIES[k] !== 'North Korea' && KO_COUNTRIES[k] !== 'Russia')
    .join(
      '|',
    )})(?:이|가)\\s[^.!?]*?(?:다|라)(?:고|며)\\s+(?:[^\\s.]+(?<![은는이가])\\s+){0,3}?(?:밝혔|발표했|주장했|전했|공개했|말했|확인했)`,
  'u',
);

/** A Korean line that ends on a verb of judging or saying with no subject before it. */
export const KO_GOES_ON =
  /(?:봤|판단했|추정했|추산했|분석했|평가했|밝혔|적었|예상했|전망했|설명했|덧붙였|보도했|전했)(?:다|습니다)\.?\s*$/u;

/** A Korean line that opens by going on: "또" (also), "또한", "이어" (then), "아울러", "특히". */
export const KO_ALSO = /^\s*(?:또|또한|이어|아울러|특히)\s/u;

/** A Korean line opening on a personal pronoun subject ("그는", "그녀는": he, she said). */
/** The Ukrainian army left bare as a sentence's topic: "우크라이나군은", "영상을 올린 우크라이나군은". */
export const KO_BARE_UKRAINIAN_ARMY = /(?:^|\s)우크라이나군은\s/u;

/** Right after "북한": made in the North ("북한산", "북한제", "북한 탄도미사일"), said of arms,
 * not of people. */
export const KO_MADE_IN = /^(?:[산제]|\s?(?:탄도\s?)?미사일|\s?포탄|\s?무기|\s?kn-?\d)/u;

/** What a side fights, after the army's name: "…과 (직접) 교전하며", "…와 싸우다". */
const FOUGHT_WITH = String.raw`(?:과|와)\s?(?:[^\s]{1,4}\s)?(?:교전|전투|싸우|싸운|싸워|맞서|대치)`;
/** Right after an army's name: the army a side fights, not the side counted. */
export const KO_FOUGHT_WITH = new RegExp(`^${FOUGHT_WITH}`, 'u');
/** The same read from the start of the army's word: "우크라이나군과 싸우기". */
export const KO_FOUGHT_WITH_WORD = new RegExp(`^\\S*?${FOUGHT_WITH}`, 'u');

/** "이 관계자는" (this official): the official of that kind the story named last. */
export const KO_THIS_OFFICIAL =
  /^[\s"“]*(?:이|그|해당)\s?(관계자|당국자|소식통|관리)(?:는|가|도|은|이)\s/u;

export const KO_PRONOUN = /^[\s"“]*(?:그|그녀)(?:는|가|도)\s/u;

/** A bare Korean 만 or 천 opening a count: "만여 명", "천여 명" (not "1만", not "수천"). */
export const KO_BARE_SCALE = /(?<![\p{L}\d])(만|천)(?=여\s?(?:명|발|개|문|기|대|척|량))/gu;

/**
 * A Korean number spoken in words, as broadcast transcripts write it: "만 천 명" (11,000),
 * "만 2천 명", "천 명". Not "수천", "수 천 명", "몇 만", nor a word that begins with the syllable
 * ("만큼", "천안", "백악관").
 */
export const KO_BARE_NUMBER =
  /(?<![\p{L}\d]|(?:수|몇|수십|수백|\d)\s)(?:만|천)(?=\s?(?:\d|천|백|에서|[~∼〜～])|\s?(?:명(?!령|단|예|확|절|칭|백)|발(?!표|사|언|견|생|전|효|간|굴|목|렸)))/gu;

/** The range between two numbers spoken in words: "만 천에서 만 2천 명". */
export const KO_BARE_RANGE = /^\s?(?:[~∼〜～\-–]|에서)\s?(?=\d|[만천])/u;

/** The end of a Korean reported clause: "보냈다고 ", "이라며 ", "했냐고 ". */
export const KO_REPORT_END = /(?:다|라|냐)(?:고|며)\s/gu;

/** A Korean name (with a title of one word) marked as topic or subject. */
export const KO_MARKED = /^(?:\s?[^\s,.]{0,8}?)(?:은|는|이|가)(?:\s|$)/u;

/** A Korean outlet cited as where the news comes from: "AFP 통신에 따르면", "NHK에 의하면". */
export const KO_OUTLET_CITED = /^\s?(?:통신|통신사|방송|신문)?\s?에\s?(?:따르면|의하면)/u;

/** Sources named as the data an estimate was worked from: "…의 공개 자료를 바탕으로", "자료를
 * 토대로" (up to the next stop). */
export const KO_DATA_USED =
  /^[^.!?"“”]{0,36}?의\s?(?:공개\s?)?(?:자료|데이터|통계)(?:를|에)\s?(?:바탕으로|토대로|근거로|근거해|기초로)/u;

/** A Korean source an outlet cites: "당국자의 말을 인용해", "국정원 발표를 인용한", "ISW가
 * 발표한 보고서를 인용해". */
export const KO_CITED =
  /^들?(?:의\s?(?:말|발언|보고서?|분석|평가|주장|발표|추산|추정)(?:을|를)|\s?(?:발표|보고서?|분석|평가|추산)?(?:을|를)|(?:이|가)\s?(?:발표|공개|작성|발간)한\s?(?:보고서|분석|자료|평가)(?:을|를))\s?인용/u;

/** A Korean name (with a title) that is the subject of a clause handing on another's data:
 * "유 의원이 공개한", "의원실이 입수한". */
export const KO_HANDS_ON = /^(?:\s?[^\s,.]+?){0,3}?(?:이|가)\s(?:공개|입수|제공|전달|확보|전)한\s/u;

/** After a body's name, that someone was briefed by it: "…에서 따로 브리핑을 받았는데", "…
 * 브리핑에서". */
export const KO_BRIEFED_BY =
  /^(?:에서|으로부터|로부터|측으로부터)\s?(?:따로\s?|직접\s?|별도로\s?)?브리핑을?\s?받|^의?\s?브리핑에서/u;

/** A name whose data the sentence goes by: "…정보총국 정보에 따르면", "국방부 자료에 의하면". */
export const KO_DATA_CITED =
  /^(?:의\s?|\s)?(?:정보|자료|보고서|평가|분석|문건|문서)에\s?(?:따르면|의하면)/u;

/** A Korean name with a title of up to three words marked as the topic: "미국 국방부 대변인은". */
export const KO_TITLED_TOPIC = /^(?:\s?[^\s,.]+?){0,3}?(?:은|는)(?:\s|$)/u;

/** A Korean name with a title of up to three words marked as the subject: "젤렌스키 대통령이". */
export const KO_TITLED_SUBJECT = /^(?:\s?[^\s,.]+?){0,3}?(?:이|가)(?:\s|$)/u;

/** Reported speech closed by its own verb of saying: "…고 말했다고", "…라고 밝혔다고". */
export const KO_SAID_THAT = /(?:말|밝|주장|언급|설명|강조)(?:했|혔)다고\s/u;

/** A Korean name (with a title of one word) marked as the topic: "쇼이구 서기는". */
export const KO_TOPIC = /^(?:\s?[^\s,.]{0,8}?)(?:은|는)(?:\s|$)/u;

/** A Korean name's claim as the subject of its truth: "(대통령)의 주장이 사실이라면", "발표가 맞다면". */
export const KO_WEIGHED_CLAIM =
  /^(?:\s?[^\s,.]{0,8}?)의\s(?:주장|발언|말|발표|설명|보도|추정|분석|전망)(?:이|가|은|는)\s(?:사실|맞)/u;

/** A Korean name (with a title of one word) marked as the subject: "김정은이", "국정원이". */
export const KO_SUBJECT = /^(?:\s?[^\s,.]{0,8}?)(?:이|가)(?:\s|$)/u;

/** Korean "합참이 밝힌 1100명", "국정원이 추산한 북한군 사상자 3천 명", "북한이 … 수여식에서
 * 공개한 전사자는 350명": the subject of the verb that modifies the number gives that number,
 * whoever else the sentence credits; a short adverbial may stand between subject and verb. */
export const KO_RELATIVE_SOURCE =
  /^\s?(?:\([^)]{0,15}\)|\))?\s?(?:이|가|측이)\s(?:[^\s이가은는]+\s){0,3}(?:밝힌|발표한|추산한|추정한|집계한|파악한|공개한|제시한)\s(?:\S+\s){0,2}$/u;

/**
 * Korean "공식 확인된 북한군 1만 명의 절반", "8천 명으로 추정되던 수치": a number modified by a
 * past passive participle of knowing, with no agent, and set as background (a modifier or a
 * term of comparison), is an earlier count the story takes as known, credited to no one. A
 * present estimate ("추정되는", "추산된다") or the clause's own predicate stays its speaker's.
 */
export const KO_PASSIVE_AFTER =
  /^\s?(?:으로|로)\s?(?:추정|추산|파악|집계|알려)(?:되던|됐던|졌던)\s/u;

/** A count modified by a passive of the past ("확인된", "추산됐던"): background, not a claim. */
export const KO_PASSIVE_BEFORE =
  /(?:확인된|알려진|(?:추정|추산|파악|집계)(?:되던|됐던))\s(?:[^\s,.]*[^\s,.이가은는]\s){0,2}$/u;

/** The counted phrase as a modifier or a term of comparison: "1만 명의 절반", "1만 명보다". */
export const KO_BACKGROUND = /^\s?(?:의|보다|에서|에 비해)/u;

/** Korean words that set the next number as an alternative: "어쩌면", "아니", "혹은". */
export const KO_ALTERNATIVE = /^[^\d.!?]{0,4}(?:어쩌면|아니|혹은|또는|내지|많게는)\s*$/u;

/** What lies between a Korean part and the whole that includes it: "여명 포함 약 ", "여 명의
 * 사망자를 포함해 약 " (the part's own noun after it). */
export const KO_INCLUDED =
  /^\s?(?:여\s?)?(?:명|발|문)?\s?(?:의\s?[가-힣]{2,4})?\s?(?:을|를)?\s?포함(?:한|해|하여|해서)?\s?(?:총\s?)?(?:약|최소|최대)?\s*$/u;

/** Korean "combined" right after a pair of losses: "…를 합쳐", "…를 합한", "…를 더하면". */
export const KO_COMBINED = /^\S{0,2}?\s?(?:을|를)?\s?(?:합쳐|합친|합한|합하면|합해|더하면|더해)/u;

/** What joins the items of a Korean list ("300명과 2700명", "사망자와 부상자", "A, B 및 C"). */
export const KO_LIST_JOIN = /^\s?(?:와|과|및|,)\s?$/u;

/** Between a Korean count and its own noun: "여 명의 " of "600여 명의 사망자". */
export const KO_OWN_NOUN = /^\s?(?:여\s?)?(?:명|발|문|개)?\s?의\s?$/u;

/** Korean "가 가능한", "할 수 있는" right after a word of firing: an ability, not a firing. */
export const KO_CAPABLE = /^(?:가|이)?\s?가능(?:한|하)|^할\s?수\s?있/u;

/** Korean "10만 명을 보낸다면", "1000명을 더하면" (adding 1,000): the number's own clause ends in a
 * condition or a sum. */
export const KO_CONDITION_AFTER = /^[^,.!?]{0,24}?(?:다면|라면|더하면|합하면|합치면)(?:\s|,|$)/u;

/** A force named as the holder of a place: "우크라이나군이 점령한 쿠르스크" (Kursk, which Ukraine's
 * forces occupied). */
export const KO_HOLDING_PLACE = /^\S{0,3}\s?(?:점령한|점령했던|점령 중인|장악한|장악했던)\s/u;

/** Officials or sources counted after "N명의": "2명의 서방 정보 당국자" (two Western intelligence
 * officials) counts who told the story, not anyone sent or lost. */
export const KO_SOURCES_COUNTED = /^\s?의\s(?:\S+\s){0,3}?\S*(?:당국자|관계자|소식통|관리|관료)/u;

/** Containers of food or fuel, which go to the North, not from it: "컨테이너 1만개 분량의 식량",
 * "컨테이너 9000개의 석유". */
export const KO_GOODS_COUNTED =
  /^\s?(?:여\s?|이상\s?|가량\s?)*(?:분량|규모)?의\s?(?:식량|곡물|쌀|밀가루|석유|원유|정유|연료|비료|생필품)/u;

/** A count per item before the number, in its clause: "컨테이너마다 포탄 300에서 500발", "각
 * 컨테이너에 포탄 300~500발" (a capacity, not a figure). */
export const KO_PER_ITEM = /(?:(?<![\p{L}\p{M}])각|\S마다)\s(?:[^\s,.!?]+\s){0,3}$/u;

/** Before a source whose report a clause gives: "…100명에 달한다는 한국 국가정보원의 보고" (the
 * NIS's report that the dead number 100). */
export const KO_CLAIM_OF_BEFORE = /(?:다|라)는\s(?:\S+\s){0,2}$/u;

/** After such a source: its report, announcement or estimate ("의 보고", "의 발표"). */
export const KO_CLAIM_OF_AFTER =
  /^\s?의\s?(?:보고|발표|주장|평가|분석|추정|추산|집계|전망|자료|정보|설명|브리핑)/u;
