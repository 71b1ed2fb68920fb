// The workspace's keyboard (issue 24, SPEC W11): every shortcut is listed on "?", none fires while
// the agent is typing, and Ctrl+Enter sends the reply being written.
(function () {
  'use strict';
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const rows = () => Array.from(document.querySelectorAll('#cases tbody tr'));
  let current = -1;

  function move(step) {
    const list = rows();
    if (list.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(list.length - 1, current + step));
    list.forEach((row, i) => row.classList.toggle('current', i === current));
    const link = list[current].querySelector('a');
    if (link) {
      link.focus();
    }
  }

  function focus(id, event) {
    const field = document.getElementById(id);
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }

  function toggleHelp() {
    const help = document.getElementById('shortcuts');
    if (help) {
      if (help.open) {
        help.close();
      } else {
        help.showModal();
      }
    }
  }

  // Templates (issue 24): the picker previews the chosen one and inserts it where the cursor is,
  // keeping the draft (without script the picker reloads the page with the template as the draft).
  const picker = document.getElementById('template-picker');
  const reply = document.getElementById('reply');
  if (picker && reply) {
    const select = picker.querySelector('select');
    const preview = document.createElement('pre');
    preview.id = 'template-preview';
    preview.className = 'small muted template-preview';
    preview.hidden = true;
    picker.after(preview);
    const drafts = new Map();

    async function draftOf(key) {
      if (!drafts.has(key)) {
        const url = picker.getAttribute('action') + '?template=' + encodeURIComponent(key);
        const response = await fetch(url, { credentials: 'same-origin' });
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const text = page.getElementById('reply');
        drafts.set(key, text ? text.value : '');
      }
      return drafts.get(key);
    }

    async function showPreview() {
      preview.textContent = await draftOf(select.value);
      preview.hidden = preview.textContent === '';
    }

    select.addEventListener('change', showPreview);
    picker.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = await draftOf(select.value);
      const template = document.querySelector('#reply-form input[name=TemplateId]');
      if (reply.value.trim() === '') {
        reply.value = text;
        // Sent unchanged, the reply is compared with its template (E4).
        if (template) {
          template.value = select.value;
        }
      } else {
        const at = reply.selectionStart ?? reply.value.length;
        const before = reply.value.slice(0, at);
        const gap = before === '' || before.endsWith('\n') ? '' : '\n\n';
        reply.value = before + gap + text + reply.value.slice(reply.selectionEnd ?? at);
        if (template) {
          template.value = '';
        }
      }
      reply.dispatchEvent(new Event('input', { bubbles: true }));
      reply.focus();
    });
  }

  // A table wider than a phone scrolls sideways: it takes the keyboard's focus so it can be scrolled without a mouse (W11).
  function scrollableTables() {
    document.querySelectorAll('table.list').forEach((table) => {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.tabIndex = 0;
      } else {
        table.removeAttribute('tabindex');
      }
    });
  }
  scrollableTables();
  window.addEventListener('resize', scrollableTables);
  document.addEventListener('guichet:live', scrollableTables);

  // The search box (W3): suggestions as the agent types (cases, then customers), Enter for every result.
  const box = document.getElementById('search-box');
  const list = document.getElementById('search-suggestions');
  if (box && list) {
    let timer = null;
    let asked = '';
    let shown = '';
    // Why each case came up, in the page's language (data-by-* on the form).
    const why = (by) => box.form.dataset['by' + by.charAt(0).toUpperCase() + by.slice(1)] || by;
    const item = (href, main, detail) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = main;
      const small = document.createElement('div');
      small.className = 'why';
      small.textContent = detail;
      a.append(small);
      li.append(a);
      return li;
    };
    async function suggest() {
      const q = box.value.trim();
      if (q.length < 2) {
        list.hidden = true;
        return;
      }
      asked = q;
      const response = await fetch('/api/search?limit=6&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok || asked !== q) {
        return;
      }
      const found = await response.json();
      // The same answer again leaves the list (and the suggestion the agent moved to) as it is.
      const signature = JSON.stringify([found.cases, found.customers]);
      if (signature === shown && !list.hidden) {
        return;
      }
      shown = signature;
      list.replaceChildren(
        ...(found.cases || []).map((c) => item('/cases/' + c.id, c.reference + ' — ' + c.subject,
          [c.customer, c.status, c.team, c.owner || '—', why(c.foundBy)].join(' · '))),
        ...(found.customers || []).map((c) => item('/cases/new?customer=' + c.id, c.name, c.addresses.join(', '))));
      list.hidden = list.children.length === 0;
    }
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        list.hidden = true;
      } else if (event.key === 'ArrowDown' && !list.hidden) {
        event.preventDefault();
        const first = list.querySelector('a');
        if (first) {
          first.focus();
        }
      }
    });
    list.addEventListener('keydown', (event) => {
      const links = Array.from(list.querySelectorAll('a'));
      const at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) {
        event.preventDefault();
        links[at + 1].focus();
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        (at > 0 ? links[at - 1] : box).focus();
      } else if (event.key === 'Escape') {
        list.hidden = true;
        box.focus();
      }
    });
    document.addEventListener('click', (event) => {
      if (!event.target.closest || !event.target.closest('#search-form')) {
        list.hidden = true;
      }
    });
  }

  // Bulk selection (W6): a click ticks one case, Shift+click the range since the last one, the header the page.
  let lastPick = null;
  document.addEventListener('click', (event) => {
    const box = event.target;
    if (!box.matches) {
      return;
    }
    const picks = () => Array.from(document.querySelectorAll('#cases input.pick'));
    if (box.matches('#select-page')) {
      picks().forEach((p) => { p.checked = box.checked; });
    } else if (box.matches('#cases input.pick')) {
      if (event.shiftKey && lastPick && lastPick !== box) {
        const all = picks();
        const [from, to] = [all.indexOf(lastPick), all.indexOf(box)].sort((a, b) => a - b);
        all.slice(from, to + 1).forEach((p) => { p.checked = box.checked; });
      }
      lastPick = box;
    } else {
      return;
    }
    const count = document.getElementById('bulk-count');
    if (count) {
      const n = picks().filter((p) => p.checked).length;
      count.textContent = n > 0 ? String(n) + ' ✓' : '';
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.closest && event.target.closest('#reply-form')) {
      event.preventDefault();
      event.target.closest('form').requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    switch (event.key) {
      case '?': event.preventDefault(); toggleHelp(); break;
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'r': focus('reply', event); break;
      case 'n': focus('note', event); break;
      case 'a': {
        const mine = document.getElementById('assign-to-me');
        if (mine) {
          mine.requestSubmit();
        }
        break;
      }
      case 'i': window.location.href = '/'; break;
      case '/': focus('search-box', event); break;
      default: break;
    }
  });
})();
