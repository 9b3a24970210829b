import { type CommandLine } from 'electron';

/**
 * Belt and braces under the request filter: Chromium resolves no host name at all, so nothing that
 * escapes webRequest (DNS prefetch of a link in a case note, a preconnect) can reveal to a network
 * observer what the person is looking at. Must be set before the app is ready.
 */
export function resolveNoHostNames(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  commandLine.appendSwitch('host-resolver-rules', 'MAP * ~NOTFOUND');
}
