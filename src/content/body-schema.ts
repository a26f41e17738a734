import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import type { Extensions } from '@tiptap/core';

/**
 * The Tiptap extensions that define what an article body may contain. The newsroom editor uses
 * the same list, so a body parsed on the server is exactly what the editor can edit.
 */
export const bodyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: false,
      protocols: ['http', 'https', 'mailto', 'tel'],
      HTMLAttributes: { target: null, rel: null, class: null },
    },
  }),
  Image.configure({ inline: false }),
];
