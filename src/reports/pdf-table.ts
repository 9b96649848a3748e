// A plain ruled table for pdfkit: a shaded header row repeated on every page the table runs
// onto, rows as tall as their longest cell, nothing split across a page break.

/** One column: its header, its share of the page width, and how its cells are aligned. */
export interface PdfTableColumn {
  header: string;
  /** Relative width; the columns share the width between the margins in these proportions. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

const PAD = 4;
const FONT_SIZE = 9.5;
const HEADER_FILL = '#e8edf3';
const RULE = '#8a96a3';

/** Draws the table at the current position and leaves the cursor under it. */
export function drawPdfTable(doc: PDFKit.PDFDocument, columns: readonly PdfTableColumn[], rows: readonly (readonly string[])[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);

  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(FONT_SIZE);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const drawRow = (cells: readonly string[], header: boolean) => {
    const font = header ? 'bold' : 'regular';
    const height = rowHeight(cells, font);
    let y = doc.y;
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.y;
      if (!header) {
        drawRow(
          columns.map((c) => c.header),
          true,
        );
        y = doc.y;
      }
    }
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (header) doc.rect(x, y, w, height).fillAndStroke(HEADER_FILL, RULE);
      else doc.rect(x, y, w, height).stroke(RULE);
      doc
        .fillColor('black')
        .font(font)
        .fontSize(FONT_SIZE)
        .text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, align: header ? 'center' : (columns[i]!.align ?? 'left') });
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };

  doc.lineWidth(0.5);
  // a header alone at the foot of a page is useless: start on a new page unless a row fits too
  if (doc.y + 2 * rowHeight([' '], 'bold') > bottom()) doc.addPage();
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}
