import { describe, expect, it } from 'vitest';
import { html, jsonForScript, safeUrl, trusted } from './html.js';

describe('html templates', () => {
  it('escape every interpolated value', () => {
    const name = '<script>"x" & \'y\'</script>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>',
    );
  });

  it('insert nested templates and trusted markup as they are, and skip null, undefined and booleans', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`<p>${inner}${trusted('<i>ok</i>')}${null}${undefined}${false}${[html`<br>`, 'x<']}</p>`.value)
      .toBe('<p><b>a&amp;b</b><i>ok</i><br>x&lt;</p>');
  });

  it('keep </script> out of JSON-LD', () => {
    const out = jsonForScript({ headline: '</script><script>alert(1)</script>' }).value;
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out).headline).toBe('</script><script>alert(1)</script>');
  });

  it('let only safe URLs through', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(safeUrl('/global')).toBe('/global');
    expect(safeUrl('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,x', '//evil.example/x', 'vbscript:x', 42]) {
      expect(safeUrl(bad)).toBe('#');
    }
  });
});
