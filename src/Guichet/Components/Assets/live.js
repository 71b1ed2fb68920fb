// Live pages (issue 24, SPEC W1/W2, decision 0033). The server pushes ids over SignalR; this page
// then fetches itself again and swaps the regions marked data-live, except one the agent is using
// (focus inside, or a field changed): what they type is never lost. Presence says who else reads or
// writes on the case; the reply form keeps the version the agent read while they are writing.
(function () {
  'use strict';
  if (!window.signalR) {
    return;
  }
  const page = document.getElementById('live');
  const watching = page && page.dataset.liveCase ? Number(page.dataset.liveCase) : null;
  const inbox = page && page.dataset.liveInbox !== undefined;
  let timer = null;
  let fetching = false;
  let again = false;

  function dirty(field) {
    if (field.type === 'hidden' || field.type === 'submit') {
      return false;
    }
    if (field.type === 'checkbox' || field.type === 'radio') {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === 'SELECT') {
      // With no option marked selected in the page, the browser shows the first one: that is not a change.
      const options = Array.from(field.options);
      const initial = options.some((o) => o.defaultSelected) ? options.filter((o) => o.defaultSelected) : options.slice(0, 1);
      return options.some((o) => o.selected !== initial.includes(o));
    }
    return field.value !== field.defaultValue;
  }

  function busy(region) {
    const active = document.activeElement;
    return (active && active !== document.body && region.contains(active) && active.matches('input, textarea, select'))
      || Array.from(region.querySelectorAll('input, textarea, select')).some(dirty);
  }

  function writing() {
    return Array.from(document.querySelectorAll('#reply, #note')).some((f) => f.value.trim() !== '');
  }

  async function counts() {
    const response = await fetch('/ui/live/counts', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return;
    }
    const values = await response.json();
    document.querySelectorAll('[data-count]').forEach((el) => {
      const n = values[el.dataset.count];
      if (typeof n === 'number') {
        el.textContent = String(n);
        el.hidden = n === 0;
      }
    });
  }

  async function refresh() {
    if (!page) {
      return counts();
    }
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    try {
      const response = await fetch(page.dataset.liveUrl || (location.pathname + location.search), { credentials: 'same-origin', headers: { 'X-Live': '1' } });
      if (!response.ok) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      document.querySelectorAll('[data-live]').forEach((region) => {
        const next = fresh.querySelector('[data-live="' + region.dataset.live + '"]');
        if (!next) {
          return;
        }
        if (busy(region)) {
          region.classList.add('stale');
          return;
        }
        region.replaceWith(document.importNode(next, true));
      });
      // The reply answers what the agent read: while they write, it keeps the version they began on (W2).
      const seen = document.querySelector('#reply-form input[name=Seen]');
      const now = fresh.querySelector('#reply-form input[name=Seen]');
      if (seen && now && !writing()) {
        seen.value = now.value;
      }
      document.dispatchEvent(new CustomEvent('guichet:live'));
    } finally {
      fetching = false;
      if (again) {
        again = false;
        soon();
      }
    }
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(() => { refresh(); if (page) { counts(); } }, 150);
  }

  // Presence (W2): who else is on this case, kept fresh by each page's own word every 30 s.
  const presence = document.getElementById('presence');
  const others = new Map();
  let myState = 'reading';

  function drawPresence() {
    if (!presence) {
      return;
    }
    const now = Date.now();
    const lines = [];
    const named = new Map();
    others.forEach((p) => {
      // A visitor typing is news for a few seconds; a person on the page until they have been silent 75 s.
      if (p.at >= now - (p.state === 'typing' ? 8000 : 75000)) {
        const was = named.get(p.name);
        if (!was || p.state === 'writing' || p.state === 'typing') {
          named.set(p.name, p.state);
        }
      }
    });
    named.forEach((state, name) => {
      lines.push((presence.dataset[state] || '{0}').replace('{0}', name));
    });
    presence.textContent = lines.join(' · ');
    presence.hidden = lines.length === 0;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/workspace')
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .build();

  connection.on('case', (id) => { if (id === watching) { soon(); } });
  connection.on('inbox', () => { if (inbox) { soon(); } else { counts(); } });
  connection.on('alert', () => counts());
  connection.on('refresh', () => soon());
  connection.on('presence', (p) => {
    if (p.case !== watching || p.who === mine) {
      return;
    }
    const known = others.has(p.who);
    if (p.state === 'left') {
      others.delete(p.who);
    } else {
      others.set(p.who, { name: p.name, state: p.state, at: Date.now() });
      if (p.state === 'typing') {
        setTimeout(drawPresence, 8100);
      }
      // A newcomer learns who is already here from each of them.
      if (!known && p.state !== 'typing') {
        say(myState, true);
      }
    }
    drawPresence();
  });

  let mine = null;
  function say(state, force) {
    if (watching === null || connection.state !== signalR.HubConnectionState.Connected || (!force && state === myState)) {
      return;
    }
    myState = state;
    connection.invoke('Here', watching, state).catch(() => {});
  }

  async function start() {
    await connection.start();
    if (watching !== null) {
      mine = await connection.invoke('Watch', watching);
      // Our own arrival may have come back before the answer said which one was ours.
      others.delete(mine);
      drawPresence();
    }
  }

  connection.onreconnected(async () => {
    if (watching !== null) {
      mine = await connection.invoke('Watch', watching);
      others.delete(mine);
    }
    soon();
  });

  if (watching !== null) {
    let idle = null;
    document.addEventListener('input', (event) => {
      if (event.target && (event.target.id === 'reply' || event.target.id === 'note')) {
        say('writing', false);
        clearTimeout(idle);
        idle = setTimeout(() => say('reading', false), 20000);
      }
    });
    setInterval(() => { say(myState, true); drawPresence(); }, 30000);
  }

  start().catch(() => setTimeout(() => start().catch(() => {}), 5000));
})();
