// The little of fontkit (a dependency of pdfkit) the font test uses: it has no type declarations.
declare module 'fontkit' {
  export interface Font {
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
