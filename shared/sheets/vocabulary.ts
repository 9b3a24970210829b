import type { EnumTarget, SheetTarget } from './targets.js';
import { COUNTRY_CODES } from '../model/countries.js';
import { normalizeWords } from './words.js';

/**
 * The words networks write in their sheets, Russian and English, for each column and each value.
 * A proposal only: the person sees every mapping and every distinct value before anything is
 * written, and changes what is wrong.
 */
const HEADERS: Record<Exclude<SheetTarget, 'skip'>, string[]> = {
  alias: ['псевдоним', 'позывной', 'кодовое имя', 'имя в системе', 'alias', 'nickname', 'code name', 'pseudonym'],
  legalName: [
    'фио',
    'ф и о',
    'полное имя',
    'фамилия имя',
    'фамилия имя отчество',
    'имя',
    'фамилия',
    'full name',
    'name',
    'legal name',
  ],
  otherNames: [
    'латиницей',
    'имя латиницей',
    'фио латиницей',
    'транслитерация',
    'другие имена',
    'other names',
    'latin name',
    'name in latin',
    'also known as',
    'aka',
  ],
  birthYear: [
    'г р',
    'гр',
    'год рождения',
    'дата рождения',
    'д р',
    'др',
    'birth year',
    'year of birth',
    'date of birth',
    'dob',
    'born',
    'birth date',
  ],
  gender: ['пол', 'gender', 'sex'],
  phone: ['телефон', 'тел', 'номер телефона', 'мобильный', 'моб', 'phone', 'mobile', 'phone number', 'tel'],
  telegram: ['телеграм', 'телеграмм', 'telegram', 'tg'],
  whatsapp: ['whatsapp', 'ватсап', 'вотсап', 'вацап'],
  signal: ['signal', 'сигнал'],
  email: ['email', 'e mail', 'почта', 'эл почта', 'электронная почта', 'mail'],
  passport: [
    'загранпаспорт',
    'загран',
    'заграничный паспорт',
    'загранник',
    'загран паспорт',
    'travel passport',
    'passport',
    'international passport',
    'foreign passport',
  ],
  internalPassport: [
    'внутренний паспорт',
    'паспорт рф',
    'внутр паспорт',
    'общегражданский паспорт',
    'паспорт',
    'internal passport',
    'russian passport',
    'domestic passport',
  ],
  stage: ['этап', 'статус', 'стадия', 'состояние', 'stage', 'status'],
  risk: ['риск', 'уровень риска', 'опасность', 'уровень угрозы', 'risk', 'risk level', 'danger'],
  threats: [
    'угрозы',
    'угроза',
    'от кого угроза',
    'кто угрожает',
    'источник угрозы',
    'threats',
    'threat',
    'threatened by',
  ],
  refugeCountry: [
    'страна',
    'страна убежища',
    'куда',
    'страна назначения',
    'country',
    'destination',
    'refuge country',
    'destination country',
  ],
  refugeRoute: ['маршрут', 'основание', 'путь', 'тип визы', 'программа', 'route', 'visa type', 'pathway'],
  location: [
    'город',
    'местонахождение',
    'где сейчас',
    'местоположение',
    'город сейчас',
    'location',
    'city',
    'current city',
    'where now',
  ],
  needs: ['потребности', 'нужды', 'нужна помощь', 'помощь', 'needs', 'help needed'],
  note: [
    'комментарий',
    'комментарии',
    'примечание',
    'примечания',
    'заметки',
    'история',
    'куратор',
    'ответственный',
    'comment',
    'comments',
    'notes',
    'note',
    'remarks',
    'curator',
    'caseworker',
    'responsible',
  ],
};

/** The proposed target of a header, or null: the longest synonym the header starts with wins. */
export function proposeTarget(header: string): SheetTarget | null {
  const words = normalizeWords(header);
  if (words === '') return null;
  let best: { target: SheetTarget; length: number } | null = null;
  for (const [target, synonyms] of Object.entries(HEADERS) as Array<[SheetTarget, string[]]>) {
    for (const synonym of synonyms) {
      const matches = words === synonym || words.startsWith(`${synonym} `);
      if (matches && (!best || synonym.length > best.length)) best = { target, length: synonym.length };
    }
  }
  return best?.target ?? null;
}

const PASSPORT_WORDS: Record<string, string[]> = {
  unknown: ['неизвестно', 'не известно', 'не знаю', 'нет данных', 'unknown', 'n a'],
  none: ['нет', 'отсутствует', 'не было', 'никогда не было', 'не получал', 'не получала', 'none', 'no', 'never had'],
  held: ['есть', 'на руках', 'у себя', 'при себе', 'да', 'held', 'yes', 'has it'],
  held_by_family: [
    'у семьи',
    'у родственников',
    'у родных',
    'забрала семья',
    'забрали родственники',
    'у мужа',
    'у отца',
    'у матери',
    'у брата',
    'held by family',
    'family has it',
  ],
  confiscated: [
    'изъят',
    'изъят полицией',
    'изъят силовиками',
    'изъяли',
    'забрали',
    'забрала полиция',
    'конфискован',
    'отобрали',
    'confiscated',
    'seized',
    'taken by police',
  ],
  destroyed: ['уничтожен', 'порван', 'сожжен', 'испорчен', 'destroyed', 'burned'],
  lost: ['утерян', 'потерян', 'потеряла', 'потерял', 'утрачен', 'lost'],
  applied: [
    'подан',
    'подала',
    'подал',
    'подали',
    'подано',
    'оформляется',
    'в процессе',
    'заявление подано',
    'делается',
    'applied',
    'in progress',
    'pending',
  ],
  issued: ['выдан', 'готов', 'получен', 'получила', 'получил', 'сделан', 'issued', 'ready'],
  expired: ['просрочен', 'истек', 'недействителен', 'expired'],
};

const STAGE_WORDS: Record<string, string[]> = {
  intake: [
    'новый',
    'новая',
    'новое',
    'обращение',
    'заявка',
    'принят',
    'принята',
    'первичный',
    'первичный контакт',
    'intake',
    'new',
  ],
  verification: ['проверка', 'на проверке', 'верификация', 'проверяем', 'verification', 'checking', 'vetting'],
  shelter: [
    'шелтер',
    'в шелтере',
    'укрытие',
    'в укрытии',
    'в безопасном месте',
    'в безопасности',
    'shelter',
    'in shelter',
    'safe house',
  ],
  documents: [
    'документы',
    'оформление документов',
    'восстановление документов',
    'ждет визу',
    'ждет паспорт',
    'ждет документы',
    'делает паспорт',
    'ожидает визу',
    'documents',
    'waiting for visa',
    'visa pending',
  ],
  exit: ['выезд', 'вылет', 'готов к выезду', 'готова к выезду', 'exit', 'departure', 'leaving'],
  transit: ['в пути', 'транзит', 'в дороге', 'transit', 'in transit', 'on the way'],
  arrived: ['прибыл', 'прибыла', 'прибыли', 'на месте', 'доехал', 'доехала', 'arrived'],
  resettled: [
    'обустроен',
    'обустроена',
    'устроен',
    'устроена',
    'получил убежище',
    'получила убежище',
    'resettled',
    'settled',
  ],
  'closed:declined': ['отказался', 'отказалась', 'отказ', 'declined', 'refused help'],
  'closed:returned': ['вернулся', 'вернулась', 'вернулся домой', 'вернулась домой', 'returned', 'went back'],
  'closed:lost_contact': [
    'нет связи',
    'пропала связь',
    'потеряна связь',
    'связь потеряна',
    'пропал',
    'пропала',
    'lost contact',
    'no contact',
  ],
  'closed:deceased': ['погиб', 'погибла', 'умер', 'умерла', 'убит', 'убита', 'deceased', 'died', 'killed'],
  'closed:duplicate': ['дубль', 'дубликат', 'повтор', 'duplicate'],
  'closed:other': ['закрыт', 'закрыто', 'закрыта', 'closed'],
};

const RISK_WORDS: Record<string, string[]> = {
  critical: ['критический', 'критичный', 'критично', 'очень высокий', 'крайне высокий', 'срочно', 'critical', 'urgent'],
  high: ['высокий', 'высокая', 'high'],
  medium: ['средний', 'средняя', 'medium', 'moderate'],
  low: ['низкий', 'низкая', 'low'],
};

const GENDER_WORDS: Record<string, string[]> = {
  woman: ['ж', 'жен', 'женский', 'женщина', 'f', 'female', 'woman', 'w'],
  man: ['м', 'муж', 'мужской', 'мужчина', 'm', 'male', 'man'],
  nonbinary: ['небинарный', 'небинарная', 'небинарн', 'nonbinary', 'non binary', 'nb', 'enby'],
  other: ['другое', 'other'],
  undisclosed: ['не указан', 'не указано', 'не сообщает', 'undisclosed', 'prefer not to say'],
};

const ROUTE_WORDS: Record<string, string[]> = {
  humanitarian_visa: ['гуманитарная виза', 'гум виза', 'гумвиза', 'гуманитарка', 'humanitarian visa', 'humanitarian'],
  asylum_claim: ['убежище', 'политическое убежище', 'прошение об убежище', 'асайлум', 'asylum', 'asylum claim'],
  resettlement_programme: [
    'переселение',
    'программа переселения',
    'релокация',
    'resettlement',
    'resettlement programme',
    'resettlement program',
  ],
  other: ['другое', 'other'],
};

const THREAT_WORDS: Record<string, string[]> = {
  family: ['семья', 'родственники', 'родня', 'муж', 'отец', 'брат', 'братья', 'family', 'relatives'],
  police: ['полиция', 'силовики', 'кадыровцы', 'мвд', 'фсб', 'police', 'security forces'],
  community: ['община', 'соседи', 'тейп', 'community', 'neighbours', 'neighbors'],
  other: ['другое', 'other'],
};

const NEED_WORDS: Record<string, string[]> = {
  medical: ['мед', 'медицинская', 'медицина', 'врач', 'лечение', 'medical', 'doctor'],
  psychological: ['психолог', 'психологическая', 'психотерапия', 'psychological', 'therapy'],
  legal: ['юрист', 'юридическая', 'адвокат', 'legal', 'lawyer'],
  housing: ['жилье', 'жилище', 'квартира', 'housing', 'shelter needed'],
  financial: ['деньги', 'финансовая', 'финансы', 'financial', 'money'],
};

/** Russian locative forms ("в Канаде") of the countries people are evacuated to, beside the names Intl gives. */
const COUNTRY_EXTRA: Record<string, string[]> = {
  CA: ['канаде'],
  DE: ['германии', 'германия фрг', 'фрг'],
  FR: ['франции'],
  NO: ['норвегии'],
  SE: ['швеции'],
  NL: ['нидерландах', 'голландии', 'голландия'],
  LT: ['литве'],
  LV: ['латвии'],
  EE: ['эстонии'],
  GE: ['грузии'],
  AM: ['армении'],
  TR: ['турции'],
  BE: ['бельгии'],
  AT: ['австрии'],
  CH: ['швейцарии'],
  FI: ['финляндии'],
  DK: ['дании'],
  PL: ['польше'],
  CZ: ['чехии'],
  GB: ['великобритании', 'англии', 'англия', 'uk', 'britain', 'england'],
  US: ['сша', 'америке', 'америка', 'usa', 'us', 'united states of america'],
  IL: ['израиле'],
  ES: ['испании'],
  IT: ['италии'],
  PT: ['португалии'],
  IE: ['ирландии'],
  KZ: ['казахстане'],
  AZ: ['азербайджане'],
  UA: ['украине'],
  RU: ['россии', 'рф'],
};

function countryWords(): Record<string, string[]> {
  const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: Record<string, string[]> = {};
  for (const code of COUNTRY_CODES) {
    out[code] = [ru.of(code), en.of(code), code, ...(COUNTRY_EXTRA[code] ?? [])].filter(
      (name): name is string => typeof name === 'string',
    );
  }
  return out;
}

const VALUE_WORDS: Record<EnumTarget, () => Record<string, string[]>> = {
  gender: () => GENDER_WORDS,
  passport: () => PASSPORT_WORDS,
  internalPassport: () => PASSPORT_WORDS,
  stage: () => STAGE_WORDS,
  risk: () => RISK_WORDS,
  threats: () => THREAT_WORDS,
  refugeCountry: countryWords,
  refugeRoute: () => ROUTE_WORDS,
  needs: () => NEED_WORDS,
};

const lookups = new Map<EnumTarget, Map<string, string>>();

function lookupFor(target: EnumTarget): Map<string, string> {
  let lookup = lookups.get(target);
  if (!lookup) {
    lookup = new Map();
    for (const [code, words] of Object.entries(VALUE_WORDS[target]())) {
      for (const word of words) lookup.set(normalizeWords(word), code);
    }
    lookups.set(target, lookup);
  }
  return lookup;
}

/**
 * The proposed code for a value of an enumerated column, or null when no synonym fits. "в Канаде"
 * as a stage is someone who has arrived (the country is taken by countryInStage).
 */
export function proposeValue(target: EnumTarget, value: string): string | null {
  const words = normalizeWords(value);
  const direct = lookupFor(target).get(words);
  if (direct !== undefined) return direct;
  if (target === 'stage' && countryInStage(value) !== null) return 'arrived';
  return null;
}

/** The country of a status such as "в Канаде" / "in Canada", or null. */
export function countryInStage(value: string): string | null {
  const m = normalizeWords(value).match(/^(?:в|во|in)\s+(.+)$/);
  return m ? (lookupFor('refugeCountry').get(m[1]!) ?? null) : null;
}
