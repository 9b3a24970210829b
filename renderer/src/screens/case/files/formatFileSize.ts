/** A file's size as a person reads it, in the UI's language: "820 KB", "12.5 MB". */
export function formatFileSize(bytes: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (bytes < 1024 * 1024) return t('files.sizeKb', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('files.sizeMb', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}
