import type { Contact } from '../model/case.js';

/**
 * The words of the demo: notes, tasks, safety notes and places, in the Russian and English that
 * caseworkers of the network write. `{city}`, `{date}` and `{country}` are filled in per case.
 */

export const REFUGE_COUNTRIES = {
  DE: { weight: 26, cities: ['Berlin', 'Hamburg', 'Köln', 'Leipzig'], name: 'Germany' },
  FR: { weight: 14, cities: ['Paris', 'Lyon', 'Marseille'], name: 'France' },
  CA: { weight: 14, cities: ['Toronto', 'Montréal', 'Vancouver'], name: 'Canada' },
  NL: { weight: 9, cities: ['Amsterdam', 'Utrecht'], name: 'the Netherlands' },
  SE: { weight: 7, cities: ['Stockholm', 'Göteborg'], name: 'Sweden' },
  LT: { weight: 7, cities: ['Vilnius', 'Kaunas'], name: 'Lithuania' },
  NO: { weight: 5, cities: ['Oslo', 'Bergen'], name: 'Norway' },
  FI: { weight: 4, cities: ['Helsinki', 'Tampere'], name: 'Finland' },
  GB: { weight: 4, cities: ['London', 'Manchester'], name: 'the UK' },
  ES: { weight: 4, cities: ['Madrid', 'Barcelona'], name: 'Spain' },
  IE: { weight: 3, cities: ['Dublin'], name: 'Ireland' },
  BE: { weight: 3, cities: ['Brussels', 'Antwerpen'], name: 'Belgium' },
} as const;
export type RefugeCountry = keyof typeof REFUGE_COUNTRIES;
export const COUNTRY_WEIGHTS = Object.fromEntries(
  Object.entries(REFUGE_COUNTRIES).map(([code, c]) => [code, c.weight]),
) as Record<RefugeCountry, number>;

/** Where people are before they leave: at home in danger, then in the network's shelters. */
export const HOME_PLACES = ['Грозный', 'Гудермес', 'Урус-Мартан', 'Шали', 'Аргун', 'Ачхой-Мартан', 'Назрань'];
export const SHELTER_PLACES = ['Москва (шелтер)', 'Санкт-Петербург (шелтер)', 'Нижний Новгород, съёмная квартира'];
export const TRANSIT_PLACES = ['Ереван', 'Тбилиси', 'Баку', 'Стамбул', 'Бишкек'];

export const SAFETY_NOTES: readonly (string | null)[] = [
  'family reads this phone',
  'only Signal, after 22:00',
  'брат проверяет телефон — писать только «как дела?»',
  'never call, text only',
  'phone may be seized by police: no names in messages',
  'звонить только с 9 до 12, пока никого нет дома',
  'uses a friend’s phone, ask for “Lena”',
  'delete chats after each conversation',
  null,
  null,
];

export const CONTACT_CHANNEL_WEIGHTS: Record<Contact['channel'], number> = {
  signal: 35,
  telegram: 30,
  whatsapp: 15,
  phone: 12,
  email: 5,
  other: 3,
};

export const INTAKE_NOTES = [
  'Первый звонок на горячую линию. Говорит, что родственники узнали и угрожают. Договорились о следующем звонке.',
  'Hotline call, {date}. Detained for two weeks in {city}, released, family took the passport. Very frightened.',
  'Написал(а) через знакомых в Telegram. Семья подозревает, телефон проверяют. Отвечать только после 22:00.',
  'First contact through a friend already abroad. Police summoned them twice; wants to leave as soon as possible.',
  'Звонок с чужого телефона. Паспорт забрал отец, внутренний паспорт пока на руках.',
];

export const PROGRESS_NOTES = [
  'Moved to the shelter in {city}. Safe for now, asked for a doctor.',
  'Переезд в шелтер ({city}) прошёл спокойно. Нужна консультация психолога.',
  'Call with the lawyer about restoring the passport: application can be filed in {city}.',
  'Подали заявление на загранпаспорт. Ждём 4–6 недель.',
  'Consulate appointment for a humanitarian visa booked for {date}.',
  'Родственники звонили в шелтер — сменили адрес, всё в порядке.',
  'Verification call done: story checked with two independent contacts.',
  'Билеты куплены, выезд через {city}. Сопровождающий встретит на границе.',
];

export const ABROAD_NOTES = [
  'Arrived safely in {city}. Met by our volunteer at the airport.',
  'Прибыл(а) в {city}. Подали документы на убежище, жильё на первые недели есть.',
  'Asylum interview on {date}; our partner lawyer in {country} is preparing them.',
  'Регулярные звонки с психологом, состояние лучше. Записан(а) на языковые курсы.',
  'Residence permit received. Moving to a flat of their own next month.',
  'Нашёл(ла) работу, просит больше не звонить каждую неделю — только раз в месяц.',
  'Check-in call: doing well, asked us to pass thanks to the shelter team.',
];

export const CLOSING_NOTES: Record<string, string> = {
  declined: 'Решил(а) остаться, от выезда отказывается. Оставили контакт горячей линии.',
  returned: 'Returned home under family pressure. We keep the channel open if they reach out again.',
  lost_contact: 'No answer on any channel for six weeks; number disconnected.',
  deceased: 'Сообщили о смерти. Подробности неизвестны, передали информацию юристам.',
  duplicate: 'Duplicate of a case opened by another caseworker; merged there.',
  other: 'Handed over to a partner organisation in {country}.',
};

export const EARLY_TASKS = [
  'Перезвонить и договориться о встрече',
  'Verify story with a second contact',
  'Find a place in the shelter',
  'Собрать копии документов',
  'Ask the lawyer about the confiscated passport',
  'Купить новую SIM-карту',
];

export const DOCUMENT_TASKS = [
  'Подать заявление на загранпаспорт',
  'Book consulate appointment for the visa',
  'Получить свидетельство о рождении (дубликат)',
  'Pay the passport fee',
];

export const ABROAD_TASKS = [
  'Register with the local authorities',
  'Записать к психологу',
  'Find a doctor who speaks Russian',
  'Prepare for the asylum interview',
  'Подать на вид на жительство',
  'Check in by phone',
];

export function fill(template: string, values: { city?: string; date?: string; country?: string }): string {
  return template
    .replace('{city}', values.city ?? 'Москва')
    .replace('{date}', values.date ?? '')
    .replace('{country}', values.country ?? '');
}
