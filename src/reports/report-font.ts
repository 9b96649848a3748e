// The font every report draws with: Be Vietnam Pro, a typeface made for Vietnamese, shipped as
// TTF files in a package from the registry (OFL), so no system font is needed on the server.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/be-vietnam-pro';

/** The family name inside the TTF files (what SVG text asks for). */
export const REPORT_FONT_FAMILY = 'Be Vietnam Pro';

/** Paths of the TTF files, resolved from the installed package. */
export const REPORT_FONT_FILES = {
  regular: require.resolve(`${PACKAGE}/400Regular/BeVietnamPro_400Regular.ttf`),
  bold: require.resolve(`${PACKAGE}/700Bold/BeVietnamPro_700Bold.ttf`),
  italic: require.resolve(`${PACKAGE}/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf`),
} as const;
