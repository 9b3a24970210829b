import { crossingCsp } from '../shared/service/csp.js';

/**
 * The renderer's Content-Security-Policy: the same one the test harness serves, so the UI is tested
 * under the policy it ships with. The app itself connects nowhere (`connect-src 'none'`).
 */
export const contentSecurityPolicy = (): string => crossingCsp();
