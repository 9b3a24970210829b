import { notAvailable } from '../notAvailable.js';
import type { Handlers } from '../types.js';

export const identityHandlers: Handlers<
  'getKeyCard' | 'saveKeyCard' | 'listContacts' | 'addContact' | 'verifyContact'
> = {
  getKeyCard: notAvailable('key cards'),
  saveKeyCard: notAvailable('key cards'),
  listContacts: notAvailable('contacts'),
  addContact: notAvailable('contacts'),
  verifyContact: notAvailable('contacts'),
};
