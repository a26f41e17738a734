import { describe, expect, it } from 'vitest';
import { bodyFromHtml, bodyText, maxBodyDepth, paragraphs, plainText } from './body.js';

describe('bodyFromHtml', () => {
  it('keeps paragraphs, headings, quotes, lists, links and emphasis as document nodes', () => {
    const doc = bodyFromHtml(
      '<h1>Sub</h1><p>A <a href="https://example.org/x" title="t">link</a> and <b>bold</b>.</p>' +
      '<blockquote><p>“Quote”</p></blockquote><ul><li>one</li></ul><ol start="3"><li>three</li></ol>',
    );
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'blockquote', 'bulletList', 'orderedList']);
    expect(doc.content[0]!.attrs?.level).toBe(2);
    const link = doc.content[1]!.content!.find((n) => n.marks?.some((m) => m.type === 'link'))!;
    expect(link.marks![0]!.attrs).toMatchObject({ href: 'https://example.org/x', title: 't' });
    expect(doc.content[4]!.attrs?.start).toBe(3);
  });

  it('drops scripts, handlers, styles, frames and unsafe URLs, keeping the words', () => {
    const doc = bodyFromHtml(
      '<p onclick="x()" style="color:red">Hi <a href="javascript:alert(1)">there</a></p><script>alert(1)</script>' +
      '<iframe src="https://evil.example"></iframe><img src="data:image/png;base64,AAAA" onerror="x()"><p>End</p>',
    );
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/javascript|onclick|onerror|alert|style|iframe|data:/);
    expect(bodyText(doc)).toBe('Hi there\n\nEnd');
  });

  it('keeps curly quotes and dashes exactly', () => {
    const doc = bodyFromHtml('<p>“We don’t” — she said ‘no’.</p>');
    expect(bodyText(doc)).toBe('“We don’t” — she said ‘no’.');
  });

  it('keeps the words of a body nested 2,000 deep, without overflowing the stack', () => {
    const doc = bodyFromHtml(`${'<blockquote>'.repeat(2000)}deep<br>down${'</blockquote>'.repeat(2000)}<p>after</p>`);
    expect(bodyText(doc)).toBe('deep\ndown\n\nafter');
    const depth = (n: { content?: unknown[] }): number => 1 + Math.max(0, ...((n.content ?? []) as { content?: unknown[] }[]).map(depth));
    expect(depth(doc)).toBeLessThanOrEqual(maxBodyDepth + 3);
  });

  it('turns div soup into paragraphs and drops empty ones', () => {
    const doc = bodyFromHtml('<div>One</div><p> </p><div>Two</div>');
    expect(paragraphs(doc).map(bodyText)).toEqual(['One', 'Two']);
  });
});

describe('plainText', () => {
  it('strips tags, discards script contents and decodes entities', () => {
    expect(plainText('Fish &amp; chips <script>alert(1)</script><b>now</b> &lt;3 &rsquo;')).toBe('Fish & chips now <3 ’');
  });
});
