import { generateHTML } from '@tiptap/html';
import { describe, expect, it } from 'vitest';
import { bodyExtensions, bodyFromHtml, type Doc } from '../content/index.js';
import { renderBody } from './render-body.js';

const rich = bodyFromHtml(
  '<h2>Heading</h2><p>Plain, <strong>bold</strong>, <em>italic <s>struck</s></em>, <code>code</code>, <u>under</u>' +
  ' and a <a href="https://example.org/?a=1&amp;b=2">link &amp; more</a>.<br>Next line &lt;tag&gt;</p>' +
  '<blockquote><p>“Quoted”</p></blockquote><ul><li><p>one</p></li><li><p>two</p></li></ul>' +
  '<ol start="4"><li><p>four</p></li></ol><hr><pre><code>x &lt; y</code></pre>',
);

describe('renderBody', () => {
  it('produces the same HTML as Tiptap’s own serializer (less the attributes we add to links)', () => {
    const ours = renderBody(rich).replace(' rel="noopener"', '');
    const tiptap = generateHTML(rich, bodyExtensions).replace(/ start="1"/g, '');
    expect(ours).toBe(tiptap);
  });

  it('escapes text and attributes', () => {
    const doc: Doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "q"' }] }],
    };
    expect(renderBody(doc)).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>');
  });

  it('neutralises unsafe link and image URLs even in a stored document', () => {
    const doc: Doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: ' javascript:alert(1)' } }] }] },
        { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'a' } },
        { type: 'image', attrs: { src: 'https://example.org/a.jpg', alt: 'A "quoted" alt', width: 640, height: '480"onload="x' } },
      ],
    };
    expect(renderBody(doc)).toBe(
      '<p><a href="#">x</a></p><img src="https://example.org/a.jpg" alt="A &quot;quoted&quot; alt" loading="lazy" decoding="async" width="640">',
    );
  });

  it('renders only the text of node types it does not know', () => {
    const doc: Doc = { type: 'doc', content: [{ type: 'mystery', attrs: { onclick: 'x' }, content: [{ type: 'text', text: 'kept' }] }] };
    expect(renderBody(doc)).toBe('kept');
  });
});
