import { tokenStatus, type ApiToken, type User } from '../../../accounts/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import { shell } from '../layout.js';

interface UsersPageInput {
  settings: SiteSettings;
  user: User;
  csrf: string;
  users: User[];
  tokens: ApiToken[];
  now: Date;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
}

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;
const hidden = (text: string) => html`<span class="nr-visually-hidden"> ${text}</span>`;

function time(d: Date | null): SafeHtml | string {
  return d ? html`<time datetime="${d.toISOString()}">${d.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>` : 'never';
}

function roleForm(u: User, csrf: string): SafeHtml {
  return html`<form method="post" action="/newsroom/users/${String(u.id)}/role" class="nr-inline">
${csrfField(csrf)}
<label for="role-${String(u.id)}" class="nr-visually-hidden">Role of ${u.name}</label>
<select id="role-${String(u.id)}" name="role">${['contributor', 'editor', 'admin'].map((r) => html`<option${r === u.role ? html` selected` : ''}>${r}</option>`)}</select>
<button type="submit">Change</button>
</form>`;
}

/** Disable or enable, and remove (which asks for a ticked box: no script needed). Not for yourself. */
function accessForms(u: User, me: User, csrf: string): SafeHtml | string {
  if (u.id === me.id) return 'This is you';
  const id = String(u.id);
  return html`<form method="post" action="/newsroom/users/${id}/${u.disabled ? 'enable' : 'disable'}" class="nr-inline">
${csrfField(csrf)}<button type="submit">${u.disabled ? 'Enable' : 'Disable'}${hidden(u.email)}</button>
</form>
<form method="post" action="/newsroom/users/${id}/remove" class="nr-inline">
${csrfField(csrf)}
<input type="checkbox" id="confirm-${id}" name="confirm" value="yes" required>
<label for="confirm-${id}">Yes, remove ${u.email} for good (their stories stay)</label>
<button type="submit">Remove${hidden(u.email)}</button>
</form>`;
}

function tokenTable(u: User, tokens: ApiToken[], csrf: string, now: Date): SafeHtml {
  const id = String(u.id);
  return html`<section aria-labelledby="tokens-${id}">
<h3 id="tokens-${id}">API tokens of ${u.name} (${u.email})</h3>
${tokens.length ? html`<table class="nr-table">
<thead><tr><th scope="col">Token</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col">Action</th></tr></thead>
<tbody>${tokens.map((t) => {
    const status = tokenStatus(t, now);
    return html`<tr><td>#${String(t.id)}${t.label ? ` ${t.label}` : ''}</td><td>${time(t.createdAt)}</td><td>${time(t.expiresAt)}</td><td>${time(t.lastUsedAt)}</td>
<td><span class="nr-badge">${status}</span></td>
<td>${status === 'revoked' ? '' : html`<form method="post" action="/newsroom/tokens/${String(t.id)}/revoke" class="nr-inline">${csrfField(csrf)}<button type="submit">Revoke${hidden(`token #${t.id}`)}</button></form>`}</td></tr>`;
  })}</tbody></table>` : html`<p class="nr-hint">None.</p>`}
</section>`;
}

/** The admin's users page: roles, who may sign in, and every API token with its expiry. */
export function usersPage(p: UsersPageInput): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Users', flash: p.flash,
    main: html`<h1>Users</h1>
<p class="nr-hint">Add accounts with <code>dateline user add</code>. Disabling an account ends its sessions and revokes its API tokens at once.</p>
<table class="nr-table"><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Access</th></tr></thead>
<tbody>${p.users.map((u) => html`<tr><td>${u.name}</td><td>${u.email}</td><td>${roleForm(u, p.csrf)}</td>
<td>${u.disabled ? 'Disabled' : 'Active'}</td><td>${accessForms(u, p.user, p.csrf)}</td></tr>`)}</tbody></table>
<h2>API tokens</h2>
${p.users.map((u) => tokenTable(u, p.tokens.filter((t) => t.userId === u.id), p.csrf, p.now))}`,
  });
}
