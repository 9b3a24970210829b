import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { minimalPng } from '../../shared/evidence/testing/images.js';
import { minimalPdf } from '../../shared/evidence/testing/pdf.js';
import type { AppControl } from '../control.js';

/** The Files section of a case page, and the files a spec attaches (made by code, in the out folder). */
export class FilesSection {
  constructor(private readonly page: Page) {}

  get region() {
    return this.page.locator('section.files-section');
  }

  get items() {
    return this.page.getByTestId('file-item');
  }

  item(name: string) {
    return this.items.filter({ hasText: name });
  }

  get viewer() {
    return this.page.getByRole('dialog');
  }

  /** Answers the picker with these files, then clicks "Add files…" (by position: either language). */
  async addThroughPicker(control: AppControl, files: readonly string[]) {
    for (const file of files) await control.queueDialog('openEvidenceFiles', file);
    await this.region.locator('.panel-head button').click();
  }

  /** Drops a file on the section as a file manager would (bytes only: a browser gives no path). */
  async drop(name: string, bytes: Buffer, type: string) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, data, type }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
        return transfer;
      },
      { name, data: bytes.toString('base64'), type },
    );
    await this.region.dispatchEvent('drop', { dataTransfer });
  }

  /** Drops a file of `size` zero bytes, made in the page (a large file need not cross the wire). */
  async dropOfSize(name: string, size: number) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, size }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(size)], name, { type: 'application/octet-stream' }));
        return transfer;
      },
      { name, size },
    );
    await this.region.dispatchEvent('drop', { dataTransfer });
  }
}

/** A photo (PNG with a canary text chunk, 320×200) and a one-page PDF, written to the control's out folder. */
export function makeEvidence(control: AppControl, canary = 'CANARY-IN-A-PHOTO') {
  fs.mkdirSync(control.outDir, { recursive: true });
  const photo = path.join(control.outDir, 'injury-photo.png');
  fs.writeFileSync(photo, minimalPng({ width: 320, height: 200, text: { Comment: canary } }));
  const pdf = path.join(control.outDir, 'visa-letter.pdf');
  fs.writeFileSync(pdf, minimalPdf('Humanitarian visa: invitation letter'));
  return { photo, pdf };
}
