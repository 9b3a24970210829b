import type { CaseFields } from '../model/case.js';
import { weights, type Prng } from './prng.js';

/**
 * Invented people: common Chechen and Russian given names and surnames, recombined at random, each
 * with the Latin spellings that passports, visas and hotlines actually produce for it. No row is
 * anyone real; famous surnames are left out so that no combination reads as a known person.
 */
type Name = readonly [cyrillic: string, ...latin: string[]];

const MEN: readonly Name[] = [
  ['Ахмед', 'Akhmed', 'Ahmed', 'Achmed'],
  ['Юсуп', 'Yusup', 'Jusup', 'Yusuf'],
  ['Магомед', 'Magomed', 'Mohammed', 'Magomet'],
  ['Рустам', 'Rustam', 'Roustam'],
  ['Руслан', 'Ruslan', 'Rouslan'],
  ['Ислам', 'Islam'],
  ['Адам', 'Adam'],
  ['Аслан', 'Aslan'],
  ['Зелимхан', 'Zelimkhan', 'Zelimhan', 'Selimchan'],
  ['Ибрагим', 'Ibragim', 'Ibrahim'],
  ['Хасан', 'Khasan', 'Hasan', 'Chassan'],
  ['Умар', 'Umar', 'Oumar'],
  ['Шамиль', 'Shamil', 'Schamil', 'Chamil'],
  ['Мовсар', 'Movsar', 'Mowsar'],
  ['Алихан', 'Alikhan', 'Alihan'],
  ['Тимур', 'Timur', 'Timour'],
  ['Ильяс', 'Ilyas', 'Iljas', 'Ilias'],
  ['Хамзат', 'Khamzat', 'Hamzat', 'Chamsat'],
  ['Мансур', 'Mansur', 'Mansour'],
  ['Майрбек', 'Mairbek', 'Mayrbek'],
  ['Анзор', 'Anzor'],
  ['Артур', 'Artur', 'Arthur'],
];

const WOMEN: readonly Name[] = [
  ['Хадижат', 'Khadizhat', 'Hadizhat', 'Khadijat'],
  ['Зарема', 'Zarema'],
  ['Лейла', 'Leila', 'Leyla', 'Lejla'],
  ['Мадина', 'Madina'],
  ['Аминат', 'Aminat'],
  ['Хава', 'Khava', 'Hava', 'Chawa'],
  ['Петимат', 'Petimat'],
  ['Зулихан', 'Zulikhan', 'Zulihan'],
  ['Милана', 'Milana'],
  ['Седа', 'Seda'],
  ['Малика', 'Malika'],
  ['Луиза', 'Luiza', 'Louiza', 'Luisa'],
  ['Айшат', 'Aishat', 'Ayshat'],
  ['Залина', 'Zalina'],
  ['Марьям', 'Maryam', 'Mariam', 'Marjam'],
  ['Яха', 'Yakha', 'Jakha', 'Yaha'],
];

/** Male forms; the female form adds -а / -a. */
const SURNAMES: readonly Name[] = [
  ['Исаев', 'Isaev', 'Isayev', 'Issaev'],
  ['Алиев', 'Aliev', 'Aliyev'],
  ['Магомадов', 'Magomadov', 'Magomadow'],
  ['Умаров', 'Umarov', 'Oumarov'],
  ['Мусаев', 'Musaev', 'Musayev', 'Moussaev'],
  ['Хасанов', 'Khasanov', 'Hasanov', 'Chasanov'],
  ['Юсупов', 'Yusupov', 'Jusupov'],
  ['Ибрагимов', 'Ibragimov', 'Ibrahimov'],
  ['Абдулаев', 'Abdulaev', 'Abdullayev'],
  ['Эльмурзаев', 'Elmurzaev', 'Elmurzayev'],
  ['Батукаев', 'Batukaev', 'Batukayev'],
  ['Межиев', 'Mezhiev', 'Meshiev', 'Mejiev'],
  ['Цуроев', 'Tsuroev', 'Zuroev'],
  ['Хамзатов', 'Khamzatov', 'Hamzatov'],
  ['Джабраилов', 'Dzhabrailov', 'Jabrailov', 'Djabrailov'],
  ['Вагапов', 'Vagapov', 'Wagapow'],
  ['Гайрбеков', 'Gairbekov', 'Gayrbekov'],
  ['Эдилов', 'Edilov'],
  ['Тагиров', 'Tagirov'],
  ['Шаипов', 'Shaipov', 'Schaipow'],
  ['Хаджиев', 'Khadzhiev', 'Hadjiev', 'Chadschiew'],
  ['Беков', 'Bekov'],
];

/** Fathers' names, as the patronymic stem (Руслан → Русланович / Руслановна). */
const FATHERS = ['Руслан', 'Ахмед', 'Ибрагим', 'Магомед', 'Хасан', 'Умар', 'Аслан', 'Тимур', 'Ислам', 'Адам', 'Рустам'];

export type Person = Pick<CaseFields, 'alias' | 'legalName' | 'otherNames' | 'gender' | 'pronouns' | 'birthYear'>;

const GENDER = weights({ man: 56, woman: 28, nonbinary: 6, other: 3, undisclosed: 7 });
const ALIAS_STYLE = weights({ short: 55, first: 15, latin: 15, full: 15 });

const PRONOUNS: Record<string, readonly (string | null)[]> = {
  man: ['он/его', 'he/him', null],
  woman: ['она/её', 'she/her', null],
  nonbinary: ['они/их', 'they/them'],
  other: ['they/them', null],
  undisclosed: [null],
};

export function makePerson(rng: Prng): Person {
  const gender = rng.weighted(GENDER);
  // Assigned at birth, which is what the legal name and the surname's ending follow.
  const assignedMale = gender === 'man' ? !rng.chance(0.06) : gender === 'woman' ? rng.chance(0.12) : rng.chance(0.5);
  const legalGiven = rng.pick(assignedMale ? MEN : WOMEN);
  // Trans and nonbinary people often go by a chosen name that is not the one in their passport.
  const chosen =
    (gender === 'woman' && assignedMale) || (gender === 'man' && !assignedMale)
      ? rng.pick(gender === 'woman' ? WOMEN : MEN)
      : legalGiven;
  const surname = rng.pick(SURNAMES);
  const suffix = assignedMale ? '' : 'а';
  const patronymic = `${rng.pick(FATHERS)}${assignedMale ? 'ович' : 'овна'}`;
  const legalName = `${surname[0]}${suffix} ${legalGiven[0]} ${patronymic}`;
  const latinSurnames = surname.slice(1).map((s) => s + (suffix ? 'a' : ''));

  const otherNames = new Set<string>();
  const spellings = Math.min(2 + rng.int(0, 1), Math.max(legalGiven.length - 1, latinSurnames.length));
  for (let i = 0; i < spellings; i++) {
    const given = legalGiven[1 + (i % (legalGiven.length - 1))]!;
    otherNames.add(`${given} ${latinSurnames[i % latinSurnames.length]}`);
  }
  if (chosen !== legalGiven) {
    otherNames.add(chosen[0]);
    otherNames.add(`${chosen[1]} ${latinSurnames[0]}`);
  }

  const initial = surname[0].charAt(0);
  const alias = rng.weighted(ALIAS_STYLE);
  const aliasText =
    alias === 'short'
      ? `${chosen[0]} ${initial}.`
      : alias === 'first'
        ? chosen[0]
        : alias === 'latin'
          ? `${chosen[1]} ${latinSurnames[0]!.charAt(0)}.`
          : `${chosen[0]} ${surname[0]}${suffix}`;

  return {
    alias: aliasText,
    // Some people never give their legal name; the Cyrillic spelling then lives in the alias.
    legalName: alias === 'latin' || rng.chance(0.9) ? legalName : null,
    otherNames: [...otherNames],
    gender,
    pronouns: rng.pick(PRONOUNS[gender]!),
    birthYear: rng.chance(0.93) ? rng.int(1976, 2006) : null,
  };
}

/** A Latin handle for an invented messenger account, reserved-looking so it is nobody's. */
export function handleFor(person: Person, rng: Prng): string {
  const base = (person.otherNames[0] ?? 'guest').split(' ')[0]!.toLowerCase();
  return `@${base}_${rng.int(10, 99)}${rng.pick(['x', 'q', 'z'])}${rng.int(100, 999)}`;
}
