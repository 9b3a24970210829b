import { notAvailable } from '../notAvailable.js';
import type { Handlers } from '../types.js';

export const statsHandlers: Handlers<'getStats' | 'saveReport'> = {
  getStats: notAvailable('the dashboard'),
  saveReport: notAvailable('the report'),
};
