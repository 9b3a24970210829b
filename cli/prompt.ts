import fs from 'node:fs';
import tty from 'node:tty';
import { StringDecoder } from 'node:string_decoder';
import { usageError } from '../shared/errors.js';

interface Terminal {
  input: tty.ReadStream;
  write(text: string): void;
  close(): void;
}

export const NO_TERMINAL_HINT =
  'there is no terminal to ask for the passphrase: give it with --passphrase-file FILE or the CROSSING_PASSPHRASE variable';

/**
 * Asks for a secret on the terminal without echoing it. Reads the controlling terminal (/dev/tty)
 * when it can, so that stdin stays free for data (`case add --json -`), else stdin if it is a
 * terminal. With no terminal at all it fails with a usage error that names `hint`.
 */
export async function promptHidden(question: string, hint = NO_TERMINAL_HINT): Promise<string> {
  return prompt(question, hint, false);
}

/**
 * Asks for something that is no secret (a name) on the same terminal, echoing what is typed. With
 * no terminal it fails with a usage error that names `hint`.
 */
export async function promptVisible(question: string, hint: string): Promise<string> {
  return prompt(question, hint, true);
}

async function prompt(question: string, hint: string, echo: boolean): Promise<string> {
  const terminal = openTerminal();
  if (!terminal) throw usageError(hint, 'commandLine');
  try {
    return await readAnswer(terminal, question, echo);
  } finally {
    terminal.close();
  }
}

function openTerminal(): Terminal | null {
  try {
    const readFd = fs.openSync('/dev/tty', 'r');
    const writeFd = fs.openSync('/dev/tty', 'w');
    const input = new tty.ReadStream(readFd);
    return {
      input,
      write: (text) => fs.writeSync(writeFd, text),
      close: () => {
        input.destroy(); // closes readFd
        fs.closeSync(writeFd);
      },
    };
  } catch {
    // No controlling terminal (a service, a test, Windows): fall back to stdin if it is one.
  }
  if (!process.stdin.isTTY) return null;
  const input = process.stdin as tty.ReadStream;
  return { input, write: (text) => process.stderr.write(text), close: () => input.pause() };
}

/**
 * One line, in raw mode: the terminal echoes nothing itself, so Ctrl-C cancels the same way in
 * either kind of prompt. With `echo` the answer is shown as typed (and rubbed out on backspace).
 */
function readAnswer(terminal: Terminal, question: string, echo: boolean): Promise<string> {
  const { input, write } = terminal;
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let answer: string[] = [];
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      write('\n');
      if (error) reject(error);
      else resolve(answer.join(''));
      answer = [];
    };
    const onData = (chunk: Buffer) => {
      // Arrow keys and other escape sequences arrive whole: they are not part of a passphrase.
      if (chunk[0] === 0x1b) return;
      for (const ch of decoder.write(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && answer.length === 0))
          return finish(usageError('cancelled', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') {
          if (answer.pop() !== undefined && echo) write('\b \b');
        } else if (ch === '\u0015') {
          if (echo) write('\b \b'.repeat(answer.length));
          answer = [];
        } else if (ch >= ' ') {
          answer.push(ch);
          if (echo) write(ch);
        }
      }
    };
    // Raw mode (no echo) before the question: an answer typed the moment it shows must not echo.
    input.setRawMode(true);
    write(question);
    input.on('data', onData);
    input.resume();
  });
}
