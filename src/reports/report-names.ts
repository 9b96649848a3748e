// The base name of a report's files: the campaign's code and the ward's date, kept to ASCII
// letters, digits and dashes so that any platform, browser and file system takes it as it is.

/** "<campaign>-<yyyy-mm-dd>", any other character replaced by a dash. */
export function reportFileBase(campaignCode: string, isoDate: string): string {
  const code = campaignCode.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
  return `${code.slice(0, 60)}-${isoDate}`;
}
