/**
 * The newsroom editor in the browser: turns the body textarea into a Tiptap editor, autosaves
 * drafts through the JSON API, warns before leaving with unsaved changes, uploads a lead picture
 * and suggests topics. Without this script the form still works as plain HTML.
 */
import { Editor } from '@tiptap/core';
import { bodyExtensions } from '../../content/body-schema.js';

const form = document.querySelector<HTMLFormElement>('form[data-editor]');
const csrf = form?.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
const statusLine = document.querySelector<HTMLElement>('[data-autosave-status]');

let dirty = false;
let saving = false;

function say(text: string): void {
  if (statusLine) statusLine.textContent = text;
}

function markDirty(): void {
  dirty = true;
  say('Unsaved changes');
}

function toolbarButton(label: string, title: string, run: (e: Editor) => void, active?: (e: Editor) => boolean) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  return { b, run, active };
}

function mountBody(textarea: HTMLTextAreaElement): Editor {
  const wrap = document.createElement('div');
  wrap.className = 'nr-rich';
  const bar = document.createElement('div');
  bar.className = 'nr-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Formatting');
  const surface = document.createElement('div');
  surface.className = 'nr-surface';
  wrap.append(bar, surface);
  textarea.after(wrap);
  textarea.hidden = true;

  const editor = new Editor({
    element: surface,
    extensions: bodyExtensions,
    content: textarea.value,
    injectCSS: false,
    editorProps: { attributes: { 'aria-label': 'Body', role: 'textbox', 'aria-multiline': 'true', class: 'story-body' } },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.getHTML();
      markDirty();
    },
  });
  const buttons = [
    toolbarButton('H2', 'Heading', (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), (e) => e.isActive('heading', { level: 2 })),
    toolbarButton('H3', 'Subheading', (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), (e) => e.isActive('heading', { level: 3 })),
    toolbarButton('B', 'Bold', (e) => e.chain().focus().toggleBold().run(), (e) => e.isActive('bold')),
    toolbarButton('I', 'Italic', (e) => e.chain().focus().toggleItalic().run(), (e) => e.isActive('italic')),
    toolbarButton('“ ”', 'Quote', (e) => e.chain().focus().toggleBlockquote().run(), (e) => e.isActive('blockquote')),
    toolbarButton('• List', 'Bulleted list', (e) => e.chain().focus().toggleBulletList().run(), (e) => e.isActive('bulletList')),
    toolbarButton('1. List', 'Numbered list', (e) => e.chain().focus().toggleOrderedList().run(), (e) => e.isActive('orderedList')),
    toolbarButton('Link', 'Link', (e) => {
      const previous = e.getAttributes('link').href as string | undefined;
      const href = window.prompt('Link address (https://…)', previous ?? 'https://');
      if (href === null) return;
      if (!href || href === 'https://') e.chain().focus().unsetLink().run();
      else e.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }, (e) => e.isActive('link')),
    toolbarButton('Image', 'Inline image from the media library (id)', (e) => {
      const id = window.prompt('Media library picture number (#)');
      if (!id) return;
      void fetch(`/api/v1/images?q=`, { headers: { 'x-csrf-token': csrf } }).then((r) => r.json()).then((list: { items: { id: number; src: string; alt: string }[] }) => {
        const pic = list.items.find((i) => String(i.id) === id.replace('#', '').trim());
        if (pic?.src) e.chain().focus().setImage({ src: pic.src, alt: pic.alt }).run();
        else window.alert(`No picture #${id} in the library`);
      });
    }),
  ];
  for (const { b, run } of buttons) {
    b.addEventListener('click', () => run(editor));
    bar.append(b);
  }
  const refresh = () => {
    for (const { b, active } of buttons) if (active) b.setAttribute('aria-pressed', String(active(editor)));
  };
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  return editor;
}

/** The form as the API's shape: a static page's (`data-kind="page"`: title and body), else an article's. */
function payload(f: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(f);
  const text = (name: string) => String(data.get(name) ?? '');
  if (f.dataset.kind === 'page') return { title: text('title'), bodyHtml: text('bodyHtml') };
  const names = (name: string) => text(name).split(',').map((s) => s.trim()).filter(Boolean);
  const lead = text('leadImage');
  return {
    headline: text('headline'), standfirst: text('standfirst'), section: text('section'), bodyHtml: text('bodyHtml'),
    topics: names('topics'), people: names('people'), agency: text('agency') || null, byline: text('byline'),
    datelinePlace: text('datelinePlace'), language: text('language'), leadImage: lead ? Number(lead) : null,
  };
}

/** Only drafts autosave: a published story changes for readers only when its editor presses Save. */
const autosaves = (f: HTMLFormElement) => f.dataset.status === 'draft' || f.dataset.status === 'in_review';

async function autosave(f: HTMLFormElement): Promise<void> {
  const id = f.dataset.articleId;
  // A static page's form names its own address in the API.
  const url = f.dataset.saveUrl ?? (id ? `/api/v1/articles/${id}` : '');
  if (!dirty || saving || !url || !autosaves(f)) return;
  const headline = (f.elements.namedItem(f.dataset.kind === 'page' ? 'title' : 'headline') as HTMLInputElement | null)?.value.trim();
  if (!headline) return;
  saving = true;
  dirty = false;
  say('Saving…');
  try {
    const base = f.querySelector<HTMLInputElement>('input[data-base-modified]');
    const res = await fetch(url, {
      method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ ...payload(f), ...(base?.value ? { baseModifiedAt: base.value } : {}) }),
    });
    if (res.ok) {
      // Later saves build on this one.
      const saved = (await res.json()) as { modifiedAt: string };
      if (base) base.value = saved.modifiedAt;
      say(`Draft saved at ${new Date().toLocaleTimeString()}`);
    }
    else {
      dirty = true;
      const body = (await res.json().catch(() => null)) as { error?: { message?: string; field?: string } } | null;
      say(`Not saved: ${body?.error?.field ? `${body.error.field}: ` : ''}${body?.error?.message ?? res.statusText}`);
    }
  } catch {
    dirty = true;
    say('Not saved: offline? Will retry.');
  } finally {
    saving = false;
  }
}

async function upload(input: HTMLInputElement, select: HTMLSelectElement): Promise<void> {
  const file = input.files?.[0];
  if (!file || !form) return;
  const data = new FormData();
  const alt = (form.elements.namedItem('leadImageAlt') as HTMLInputElement | null)?.value ?? '';
  const caption = (form.elements.namedItem('leadImageCaption') as HTMLInputElement | null)?.value ?? '';
  const credit = (form.elements.namedItem('leadImageCredit') as HTMLInputElement | null)?.value ?? '';
  data.append('alt', alt);
  data.append('caption', caption);
  data.append('credit', credit);
  data.append('file', file);
  say('Uploading picture…');
  const res = await fetch('/api/v1/images', { method: 'POST', headers: { 'x-csrf-token': csrf }, body: data });
  const body = (await res.json()) as { id?: number; caption?: string; error?: { message: string } };
  if (!res.ok || !body.id) {
    say(`Upload refused: ${body.error?.message ?? res.statusText}`);
    return;
  }
  const option = new Option(`#${body.id} ${file.name}`, String(body.id), true, true);
  Object.assign(option.dataset, { alt, caption, credit });
  select.add(option, 1);
  select.value = String(body.id);
  setTextFor(select);
  input.value = '';
  markDirty();
  say(`Picture #${body.id} uploaded`);
}

/** The picture text fields show (and, when saved, change) the text of the picture chosen. */
function setTextFor(select: HTMLSelectElement): void {
  if (!form) return;
  const chosen = select.selectedOptions[0];
  const target = form.querySelector<HTMLInputElement>('input[data-lead-text-for]');
  if (target) target.value = chosen?.value ?? '';
  for (const [name, key] of [['leadImageAlt', 'alt'], ['leadImageCaption', 'caption'], ['leadImageCredit', 'credit']] as const) {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input && chosen?.value) input.value = chosen.dataset[key] ?? '';
  }
}

/** Topic suggestions for the word being typed after the last comma. */
function autocompleteTopics(input: HTMLInputElement): void {
  const list = document.createElement('datalist');
  list.id = 'topic-suggestions';
  input.after(list);
  input.setAttribute('list', list.id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(',');
      const last = parts.pop()!.trim();
      if (last.length < 2) return;
      const res = await fetch(`/api/v1/topics?q=${encodeURIComponent(last)}`, { headers: { 'x-csrf-token': csrf } });
      if (!res.ok) return;
      const names = (await res.json()) as string[];
      const prefix = parts.map((p) => p.trim()).filter(Boolean);
      list.replaceChildren(...names.map((n) => new Option([...prefix, n].join(', '))));
    }, 150);
  });
}

interface Suggestion {
  name: string;
  kind: 'existing' | 'new';
  type: string;
  reasons: string[];
}

/** "Suggest topics": asks the server which topics the story's text names, offered as buttons. */
function suggestTopicsButton(f: HTMLFormElement, input: HTMLInputElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Suggest topics';
  button.className = 'nr-suggest';
  const list = document.createElement('div');
  list.className = 'nr-suggestions';
  list.setAttribute('aria-live', 'polite');
  input.after(button, list);
  const value = (name: string) => (f.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
  const current = () => input.value.split(',').map((t) => t.trim()).filter(Boolean);
  button.addEventListener('click', async () => {
    button.disabled = true;
    list.textContent = 'Reading the story…';
    try {
      const res = await fetch('/api/v1/topics/suggest', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ headline: value('headline'), standfirst: value('standfirst'), body: value('bodyHtml'), captions: [value('leadImageCaption')].filter(Boolean) }),
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const { suggestions } = (await res.json()) as { suggestions: Suggestion[] };
      const have = new Set(current().map((t) => t.toLowerCase()));
      const offered = suggestions.filter((s) => !have.has(s.name.toLowerCase()));
      list.replaceChildren(...offered.map((s) => chip(s)));
      if (!offered.length) list.textContent = 'No further topics found in the text.';
    } catch (e) {
      list.textContent = `Could not suggest topics: ${(e as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  const chip = (s: Suggestion) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `nr-chip nr-chip-${s.kind}`;
    b.textContent = `+ ${s.name}`;
    b.title = `${s.kind === 'new' ? 'New topic' : 'Existing topic'}: ${s.reasons.join('; ')}`;
    b.setAttribute('aria-label', `Add topic ${s.name} (${s.kind === 'new' ? 'new' : 'existing'}; ${s.reasons.join('; ')})`);
    b.addEventListener('click', () => {
      input.value = [...current(), s.name].join(', ');
      markDirty();
      b.remove();
    });
    return b;
  };
}

if (form) {
  const body = form.querySelector<HTMLTextAreaElement>('textarea[data-body]');
  if (body) mountBody(body);
  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  form.addEventListener('submit', () => {
    dirty = false;
  });
  window.addEventListener('beforeunload', (e) => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });
  setInterval(() => void autosave(form), 5000);
  const file = form.querySelector<HTMLInputElement>('input[data-upload]');
  const select = form.querySelector<HTMLSelectElement>('select[data-lead-image]');
  if (file && select) file.addEventListener('change', () => void upload(file, select));
  if (select) select.addEventListener('change', () => setTextFor(select));
  const topics = form.querySelector<HTMLInputElement>('input[data-autocomplete="topics"]');
  if (topics) {
    autocompleteTopics(topics);
    suggestTopicsButton(form, topics);
  }
}
