// The board's colour (its council's), for the header of its young people's and public pages. The header's
// text is white, so a colour is taken only when white text on it is readable: WCAG 2.2 AA, 4.5:1 for
// normal text (success criterion 1.4.3), computed here from the two colours alone.

/** `#RRGGBB`, as a council's brand guide gives it. */
export const COUNCIL_COLOUR_PATTERN = /^#[0-9a-f]{6}$/iu;

/** The header's text and link colour on govuk-frontend's pages. */
export const HEADER_TEXT_COLOUR = '#ffffff';

/** WCAG AA for normal text: the header's council name and links are normal text on a phone. */
export const MIN_HEADER_CONTRAST = 4.5;

/** WCAG's relative luminance of an sRGB `#RRGGBB` colour: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
}

/** WCAG's contrast ratio of two `#RRGGBB` colours, from 1 (the same) to 21 (black and white), in either order. */
export function contrastRatio(one: string, other: string): number {
  const [lighter, darker] = [relativeLuminance(one), relativeLuminance(other)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

/** Whether white header text on this colour meets WCAG AA. */
export function readableUnderWhiteText(colour: string): boolean {
  return contrastRatio(colour, HEADER_TEXT_COLOUR) >= MIN_HEADER_CONTRAST;
}
