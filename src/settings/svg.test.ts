import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from './svg.js';

const wrap = (inner: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}<rect width="10" height="10" fill="#123456"/></svg>`);

describe('sanitizeSvg', () => {
  it('keeps no style sheet, so markup hidden in one cannot come out live', () => {
    for (const trick of [
      '<style>&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;</style>',
      '<style><![CDATA[</style><script>alert(1)</script><style>]]></style>',
      '<style>&lt;/style&gt;&lt;foreignObject&gt;&lt;div&gt;forged&lt;/div&gt;&lt;/foreignObject&gt;</style>',
    ]) {
      const { svg } = sanitizeSvg(wrap(trick));
      expect(svg, trick).not.toMatch(/<script|<style|foreignObject|alert|forged/);
      expect(svg).toContain('<rect width="10" height="10" fill="#123456"');
    }
  });

  it('cleans style attributes of outside references', () => {
    const { svg } = sanitizeSvg(wrap('<rect style="fill: url(https://evil.example/x.svg#p)" width="1" height="1"/>'));
    expect(svg).not.toContain('evil.example');
  });
});
