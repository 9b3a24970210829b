import {
  type CaseDocument,
  type CaseFields,
  type ClosedReason,
  type Contact,
  type NewCase,
  type PassportStatus,
  type Stage,
  type Task,
} from '../model/case.js';
import { handleFor, makePerson, type Person } from './names.js';
import { weights, type Prng } from './prng.js';
import * as T from './texts.js';

/**
 * One invented person's history as dated steps: opened at intake (or entered afterwards from an
 * older record), moved through the shelter, out of the country, and settled — or stopped early.
 * Steps are data; the generator turns them into ops in global time order.
 */
export interface Step {
  ms: number;
  create?: NewCase;
  fields?: Partial<CaseFields>;
  /** Marks the case's first open task done. */
  completeTask?: boolean;
  addTasks?: Task[];
  addDocuments?: CaseDocument[];
  note?: string;
}

const DAY = 86_400_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Draws dates on one case's timeline: each strictly after the previous, all strictly before `limit`. */
class Timeline {
  constructor(
    private readonly rng: Prng,
    private readonly limit: number,
  ) {}

  later(prev: number, minDays: number, maxDays: number): number {
    const t = Math.floor(prev + (minDays + this.rng.next() * (maxDays - minDays)) * DAY);
    if (t < this.limit) return Math.max(t, prev + 1);
    return Math.floor(prev + (this.limit - prev) * (0.3 + 0.4 * this.rng.next()));
  }
}

const INITIAL_PASSPORT = weights<PassportStatus>({
  confiscated: 26,
  destroyed: 12,
  held_by_family: 16,
  none: 14,
  unknown: 10,
  lost: 7,
  held: 13,
  expired: 2,
  applied: 0,
  issued: 0,
});
const INITIAL_INTERNAL = weights<PassportStatus>({
  held: 45,
  confiscated: 20,
  held_by_family: 15,
  lost: 7,
  destroyed: 5,
  unknown: 5,
  expired: 3,
  none: 0,
  applied: 0,
  issued: 0,
});
const CLOSED_WEIGHTS = weights<ClosedReason>({
  lost_contact: 35,
  declined: 25,
  returned: 20,
  duplicate: 10,
  other: 6,
  deceased: 4,
});
const ROUTES = weights({ humanitarian_visa: 45, asylum_claim: 35, resettlement_programme: 15, other: 5 });
type Route = (typeof ROUTES.keys)[number];
const RISK_AT_INTAKE = weights({ critical: 30, high: 45, medium: 20, low: 5 });
const RISK_ON_ARRIVAL = weights({ high: 5, medium: 45, low: 50 });
const RISK_ENTERED_LATER = weights({ medium: 40, low: 60 });
const PASSPORT_ON_ARRIVAL = weights({ issued: 60, keep: 32, applied: 4, lost: 4 });
const COUNTRIES = weights(T.COUNTRY_WEIGHTS);
const CHANNELS = weights(T.CONTACT_CHANNEL_WEIGHTS);

/** How long before `now` a case with this outcome was opened, in days (min, max). */
const OPENED_DAYS_AGO: Record<Stage, [number, number]> = {
  intake: [0.2, 14],
  verification: [3, 30],
  shelter: [5, 60],
  documents: [10, 120],
  exit: [15, 150],
  transit: [7, 120],
  arrived: [20, 420],
  resettled: [150, 730],
  closed: [10, 700],
};

/** Plans one case whose every step falls strictly before `limit` (ms since the epoch). */
export function planCase(outcome: Stage, rng: Prng, limit: number): Step[] {
  const time = new Timeline(rng, limit);
  const [minAgo, maxAgo] = OPENED_DAYS_AGO[outcome];
  const opened = Math.floor(limit - (minAgo + rng.next() * (maxAgo - minAgo)) * DAY);
  const person = makePerson(rng);
  const abroad = outcome === 'arrived' || outcome === 'resettled';
  // Some people reached safety before the network used Crossing: their case is entered afterwards.
  if (abroad && rng.chance(0.12)) return planEnteredLater(outcome, person, rng, time, opened);

  const home = rng.pick(T.HOME_PLACES);
  const passport = rng.weighted(INITIAL_PASSPORT);
  const internalPassport = rng.weighted(INITIAL_INTERNAL);
  const tasks = rng.chance(0.7) ? [task(rng.pick(T.EARLY_TASKS), opened, rng, 2, 10)] : [];
  const create: NewCase = {
    ...person,
    risk: rng.weighted(RISK_AT_INTAKE),
    threats: threats(rng),
    stage: 'intake',
    passport,
    internalPassport,
    location: home,
    needs: rng.subset(['psychological', 'medical', 'legal', 'housing', 'financial'] as const, 0.45),
    contacts: contacts(person, rng),
    documents: rng.chance(0.2) ? [doc('birth_certificate', 'needed', null, null)] : [],
    tasks,
    notes: rng.chance(0.4) ? [T.fill(rng.pick(T.INTAKE_NOTES), { city: home, date: date(opened) })] : [],
  };
  const steps: Step[] = [{ ms: opened, create }];
  let t = opened;
  let taskOpen = tasks.length > 0;
  const step = (minDays: number, maxDays: number, s: Omit<Step, 'ms'>) => {
    t = time.later(t, minDays, maxDays);
    steps.push({ ms: t, ...s });
  };

  if (outcome === 'intake') return steps;
  if (outcome === 'verification') {
    step(1, 10, { fields: { stage: 'verification' }, note: rng.chance(0.5) ? T.PROGRESS_NOTES[6] : undefined });
    return steps;
  }
  if (outcome === 'closed') {
    const reason = rng.weighted(CLOSED_WEIGHTS);
    step(3, 90, {
      fields: { stage: 'closed', closedReason: reason },
      note: T.fill(T.CLOSING_NOTES[reason]!, { country: 'Georgia' }),
    });
    return steps;
  }

  const shelter = rng.pick(T.SHELTER_PLACES);
  if (
    outcome === 'shelter' ||
    outcome === 'documents' ||
    outcome === 'exit' ||
    outcome === 'transit' ||
    rng.chance(0.6)
  ) {
    step(1, 14, { fields: { stage: 'shelter', location: shelter }, completeTask: taskOpen });
    taskOpen = false;
  }
  if (outcome === 'shelter') return steps;
  if (outcome === 'documents') {
    step(5, 40, {
      fields: { stage: 'documents', passport: passport === 'held' ? 'held' : 'applied' },
      addTasks: [task(rng.pick(T.DOCUMENT_TASKS), t, rng, 5, 30)],
    });
    return steps;
  }
  if (outcome === 'exit') {
    step(10, 60, {
      fields: { stage: 'exit', passport: passport === 'held' ? 'held' : rng.pick(['issued', 'applied'] as const) },
      note: T.fill(T.PROGRESS_NOTES[7]!, { city: rng.pick(T.TRANSIT_PLACES) }),
    });
    return steps;
  }
  if (outcome === 'transit') {
    step(10, 60, { fields: { stage: 'transit', location: rng.pick(T.TRANSIT_PLACES) } });
    return steps;
  }

  // Abroad: the arrival, and for some the settling that follows.
  const country = rng.weighted(COUNTRIES);
  const city = rng.pick(T.REFUGE_COUNTRIES[country].cities);
  const route = rng.weighted(ROUTES);
  step(10, 90, {
    fields: {
      stage: 'arrived',
      refugeCountry: country,
      refugeRoute: route,
      location: city,
      risk: rng.weighted(RISK_ON_ARRIVAL),
      passport: passportOnArrival(passport, rng),
      ...(internalPassport === 'held' ? {} : { internalPassport: rng.pick([internalPassport, 'issued'] as const) }),
      needs: rng.subset(['psychological', 'legal', 'housing', 'medical'] as const, 0.4),
    },
    completeTask: taskOpen,
    addDocuments: rng.chance(0.4) ? [arrivalDocument(route, t, rng)] : undefined,
    addTasks: rng.chance(0.3) ? [task(rng.pick(T.ABROAD_TASKS), t, rng, 7, 60)] : undefined,
  });
  if (outcome === 'resettled') {
    step(60, 300, {
      fields: { stage: 'resettled', risk: 'low', ...(rng.chance(0.12) ? { passport: 'expired' as const } : {}) },
      completeTask: rng.chance(0.5),
      note: rng.chance(0.3)
        ? T.fill(rng.pick(T.ABROAD_NOTES), { city, country: T.REFUGE_COUNTRIES[country].name, date: date(t) })
        : undefined,
    });
  } else if (rng.chance(0.3)) {
    step(3, 40, {
      note: T.fill(rng.pick(T.ABROAD_NOTES.slice(0, 4)), {
        city,
        country: T.REFUGE_COUNTRIES[country].name,
        date: date(t + 30 * DAY),
      }),
    });
  }
  return steps;
}

/** A person already abroad when their case was opened (from an older spreadsheet or a partner). */
function planEnteredLater(outcome: Stage, person: Person, rng: Prng, time: Timeline, opened: number): Step[] {
  const country = rng.weighted(COUNTRIES);
  const route = rng.weighted(ROUTES);
  const direct = outcome === 'resettled' && rng.chance(0.3);
  const create: NewCase = {
    ...person,
    risk: rng.weighted(RISK_ENTERED_LATER),
    threats: threats(rng),
    stage: direct ? 'resettled' : 'arrived',
    // Older records often did not say what became of the passports.
    passport: rng.chance(0.35) ? 'unknown' : rng.pick(['issued', 'held', 'none', 'expired'] as const),
    internalPassport: rng.pick(['unknown', 'held', 'lost'] as const),
    refugeCountry: country,
    refugeRoute: route,
    location: rng.pick(T.REFUGE_COUNTRIES[country].cities),
    needs: rng.subset(['psychological', 'legal', 'housing'] as const, 0.3),
    contacts: contacts(person, rng),
    documents: [arrivalDocument(route, opened - 30 * DAY, rng)],
    notes: rng.chance(0.5) ? ['Перенесено из старой таблицы; детали выезда — у координатора.'] : [],
  };
  const steps: Step[] = [{ ms: opened, create }];
  if (outcome === 'resettled' && !direct)
    steps.push({ ms: time.later(opened, 30, 200), fields: { stage: 'resettled' } });
  return steps;
}

function passportOnArrival(initial: PassportStatus, rng: Prng): PassportStatus {
  if (initial === 'held') return 'held';
  // Without a restored passport people leave on the internal one, through countries that accept it.
  const outcome = rng.weighted(PASSPORT_ON_ARRIVAL);
  return outcome === 'keep' ? initial : outcome;
}

function threats(rng: Prng): NonNullable<NewCase['threats']> {
  const out = [
    ...(rng.chance(0.85) ? (['family'] as const) : []),
    ...(rng.chance(0.45) ? (['police'] as const) : []),
    ...(rng.chance(0.3) ? (['community'] as const) : []),
    ...(rng.chance(0.06) ? (['other'] as const) : []),
  ];
  return out.length > 0 ? out : ['family'];
}

function contacts(person: Person, rng: Prng): Contact[] {
  const out: Contact[] = [];
  const n = rng.chance(0.35) ? 2 : 1;
  const phone = `+7 9${rng.int(10, 99)} 555-${rng.int(10, 99)}-${rng.int(10, 99)}`;
  for (let i = 0; i < n; i++) {
    const channel = rng.weighted(CHANNELS);
    const value =
      channel === 'telegram'
        ? handleFor(person, rng)
        : channel === 'email'
          ? `${(person.otherNames[0] ?? 'guest').split(' ')[0]!.toLowerCase()}.${rng.int(100, 999)}@example.org`
          : channel === 'other'
            ? rng.pick(['через подругу в Москве (Лена)', 'via a cousin abroad, ask for “M.”'])
            : phone;
    out.push({ channel, value, safetyNote: rng.pick(T.SAFETY_NOTES) });
  }
  return out;
}

function task(text: string, from: number, rng: Prng, minDays: number, maxDays: number): Task {
  return { text, due: date(from + rng.int(minDays, maxDays) * DAY), done: false };
}

function doc(
  kind: CaseDocument['kind'],
  status: CaseDocument['status'],
  issued: number | null,
  years: number | null,
): CaseDocument {
  return {
    kind,
    status,
    issuedOn: issued === null ? null : date(issued),
    expiresOn: issued === null || years === null ? null : date(issued + years * 365 * DAY),
    note: null,
  };
}

function arrivalDocument(route: Route, at: number, rng: Prng): CaseDocument {
  if (route === 'humanitarian_visa')
    return { ...doc('visa', 'issued', at - rng.int(7, 30) * DAY, 1), note: 'national D visa' };
  if (route === 'resettlement_programme') return doc('travel_document', 'received', at - rng.int(7, 30) * DAY, 2);
  return doc('residence_permit', rng.pick(['applied', 'received', 'refused'] as const), null, null);
}
