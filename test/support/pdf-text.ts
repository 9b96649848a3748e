// The text of a PDF, page by page, as a reader extracts it (PDF.js, legacy build for Node).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Extracts each page's text, items joined with spaces and runs of spaces collapsed. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text.replace(/[ \t]+/g, ' '));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
