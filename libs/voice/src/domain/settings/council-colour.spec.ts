import { contrastRatio, readableUnderWhiteText, relativeLuminance } from './council-colour.js';

describe("the council's colour: WCAG contrast with the header's white text", () => {
  it('gives black 0 and white 1 as relative luminance', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
  });

  it('gives 21:1 for black on white, 1:1 for a colour on itself, the same either way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1d70b8', '#1d70b8')).toBe(1);
    expect(contrastRatio('#ffffff', '#1d70b8')).toBe(contrastRatio('#1d70b8', '#ffffff'));
  });

  it("matches published ratios: GOV.UK's header colours, and grey #767676 just over 4.5:1", () => {
    // #1d70b8 at 5.17:1 is GOV.UK's own figure; #767676 is the well-known lightest grey that passes AA.
    expect(contrastRatio('#0b0c0c', '#ffffff')).toBeCloseTo(19.59, 2);
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('takes a colour white text is readable on (4.5:1 or more), and refuses a lighter one', () => {
    for (const colour of ['#0b0c0c', '#1d70b8', '#767676', '#005ea5', '#8a1538']) {
      expect(readableUnderWhiteText(colour)).toBe(true);
    }
    for (const colour of ['#777777', '#ffdd00', '#00a33b', '#ffffff', '#5694ca']) {
      expect(readableUnderWhiteText(colour)).toBe(false);
    }
  });
});
