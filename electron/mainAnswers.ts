import { failureError } from '../shared/errors.js';
import { contract, type Channel } from '../shared/ipc/contract.js';
import { describeIssues } from '../shared/model/case.js';
import { type Forward } from './ipcRelay.js';

/** Contract rows main answers itself, from what only main knows; the rest go on to the vault process. */
export type MainAnswers = Partial<Record<Channel, () => unknown>>;

/** Wraps the relay: a row with an answer here never reaches the vault process. Each answer is checked against its row. */
export function answeredInMain(answers: MainAnswers, forward: Forward): Forward {
  return async (channel, args) => {
    const answer = answers[channel];
    if (!answer) return forward(channel, args);
    const checked = contract[channel].result.safeParse(answer());
    if (!checked.success)
      throw failureError(`${channel} answered outside the contract: ${describeIssues(checked.error)}`, 'badRequest');
    return { ok: true, value: checked.data };
  };
}
