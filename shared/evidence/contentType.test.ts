import { expect, it } from 'vitest';
import { detectContentType } from './contentType.js';
import { minimalJpeg, minimalPng } from './testing/images.js';

it.each([
  ['a JPEG', minimalJpeg(), 'image/jpeg', 'image', false],
  ['a PNG', minimalPng(), 'image/png', 'image', false],
  ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf', 'pdf', false],
  ['an ELF program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]), 'application/x-elf', null, true],
  ['a Windows program', Buffer.from('MZ\u0090\u0000'), 'application/vnd.microsoft.portable-executable', null, true],
  ['a script', Buffer.from('#!/bin/sh\nrm -rf ~'), 'text/x-shellscript', null, true],
  ['plain text', Buffer.from('hello'), 'application/octet-stream', null, false],
])('recognises %s from its first bytes', (_what, bytes, mime, view, executable) => {
  expect(detectContentType(bytes.subarray(0, 16))).toEqual({ mime, view, executable });
});
