/**
 * The settings form: each colour's picker and its #rrggbb text field follow each other as the
 * admin types or picks. Without it both are still sent, and the server takes the one changed.
 */
for (const pair of document.querySelectorAll<HTMLElement>('[data-colour]')) {
  const picker = pair.querySelector<HTMLInputElement>('[data-colour-picker]');
  const text = pair.querySelector<HTMLInputElement>('[data-colour-text]');
  if (!picker || !text) continue;
  picker.addEventListener('input', () => {
    text.value = picker.value;
  });
  text.addEventListener('input', () => {
    if (/^#[0-9a-fA-F]{6}$/.test(text.value.trim())) picker.value = text.value.trim().toLowerCase();
  });
}
